/**
 * Cross-cutting infrastructure every module may use: security and tokens, the GraphQL
 * error contract, the clock, paging.
 */
package at.alma.mentoring.platform;
