/**
 * Mutations replayed by their {@code Idempotency-Key}: the stored answers, their lease
 * and their cleanup. Internal to platform.
 */
package at.alma.mentoring.platform.idempotency;
