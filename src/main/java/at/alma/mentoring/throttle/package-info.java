/**
 * Throttles' token buckets, shared by all app instances through the database: the store
 * ({@code ThrottleBuckets}, Bucket4j over plain SQL) and the hourly cleanup of unused
 * buckets. The rules (who is throttled, how much, which refusal) belong to the module
 * that throttles: sign-in and sign-up in {@code member}, Camunda logins in
 * {@code workflow}.
 */
package at.alma.mentoring.throttle;
