/**
 * The mentorship aggregate and its lifecycle: request, decline, agreement versions,
 * closure, and the BPMN glue of those processes.
 */
package at.alma.mentoring.mentorship;
