package at.alma.mentoring.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the {@code Idempotency-Key} of a mutation is remembered and how duplicates
 * wait for each other.
 *
 * @param retention how long a key is remembered from its first use; afterwards the same
 * key runs as a new request, and the cleanup deletes the record
 * @param lease how long a claim stays with the node that made it; a claim still in
 * progress after its lease (the node died) may be taken over by a repeat, which then runs
 * the mutation again. Must be longer than the slowest mutation
 * @param maxWait how long a repeat waits for a claim in progress (maybe on another node)
 * before it answers {@code IDEMPOTENCY_KEY_IN_PROGRESS}
 * @param pollInterval how often a waiting repeat looks again
 * @param cleanupInterval how often each node deletes records older than the retention
 */
@ConfigurationProperties("mentoring.idempotency")
record IdempotencySettings(@DefaultValue("PT24H") Duration retention, @DefaultValue("PT60S") Duration lease,
		@DefaultValue("PT10S") Duration maxWait, @DefaultValue("PT0.1S") Duration pollInterval,
		@DefaultValue("PT1H") Duration cleanupInterval) {

}
