package at.alma.mentoring.platform.idempotency;

import at.alma.mentoring.platform.NodeCleanup;

import org.springframework.context.annotation.Configuration;

/**
 * Deletes {@code Idempotency-Key} records older than the retention, every
 * {@link IdempotencySettings#cleanupInterval()} on every node. A record past its
 * retention is treated as absent even before it is deleted.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyCleanup extends NodeCleanup {

	private final IdempotentRequests requests;

	IdempotencyCleanup(IdempotentRequests requests, IdempotencySettings settings) {
		super("expired Idempotency-Key records", settings.cleanupInterval());
		this.requests = requests;
	}

	@Override
	protected int delete() {
		return this.requests.deleteExpired();
	}

}
