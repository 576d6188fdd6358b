/**
 * What operators see: GraphQL timings by root field, Camunda job execution as an
 * observation, the business gauges and the log context of a request.
 */
package at.alma.mentoring.observability;
