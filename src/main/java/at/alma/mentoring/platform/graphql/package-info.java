/**
 * The GraphQL contract of every module: errors, limits of depth, cost and size, GET
 * requests, the DateTime scalar and the subscription transport. Internal to platform.
 */
package at.alma.mentoring.platform.graphql;
