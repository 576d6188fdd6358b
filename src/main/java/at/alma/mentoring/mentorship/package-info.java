/**
 * The mentorship aggregate and its lifecycle: request, closure, inactivity, and the BPMN
 * glue of those processes. The agreement ({@code mentorship.agreement}) and the decline
 * texts ({@code mentorship.decline}) are packages of their own, internal to the module.
 */
package at.alma.mentoring.mentorship;
