package at.alma.mentoring.platform.idempotency;

import at.alma.mentoring.platform.ClusterJob;
import at.alma.mentoring.platform.ClusterJobs;

import org.springframework.context.annotation.Configuration;

/**
 * Deletes {@code Idempotency-Key} records older than the retention, every
 * {@link IdempotencySettings#cleanupInterval()}, on one node at a time, in batches. A
 * record past its retention is treated as absent even before it is deleted.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyCleanup extends ClusterJob {

	private final IdempotentRequests requests;

	IdempotencyCleanup(ClusterJobs jobs, IdempotentRequests requests, IdempotencySettings settings) {
		super("idempotency-retention", "expired Idempotency-Key records", settings.cleanupInterval(), jobs);
		this.requests = requests;
	}

	@Override
	protected int purge() {
		return inBatches(() -> this.requests.deleteExpired(batchSize()));
	}

}
