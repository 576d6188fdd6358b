/**
 * The shared Camunda glue: engine configuration, BPMN deployment, task queries and task
 * authorization for the API.
 */
package at.alma.mentoring.workflow;
