/**
 * Cross-cutting infrastructure. The base package is what every module may use: domain
 * refusals, the current member, tokens and security settings, the client address, paging,
 * the clock, scheduled cleanups, compiled reports. The machinery of each concern sits in
 * a package of its own, internal to the module: {@code platform.security} (filter chains,
 * the production safety check), {@code platform.graphql} (error contract, limits, GET
 * requests, the DateTime scalar) and {@code platform.idempotency} (replayed mutations).
 */
package at.alma.mentoring.platform;
