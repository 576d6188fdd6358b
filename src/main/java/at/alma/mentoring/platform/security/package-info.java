/**
 * The security filter chains (the API with JWT, the Camunda paths, the actuator), the
 * answer to unauthenticated calls and the check that refuses to start production with
 * development secrets. Internal to platform.
 */
package at.alma.mentoring.platform.security;
