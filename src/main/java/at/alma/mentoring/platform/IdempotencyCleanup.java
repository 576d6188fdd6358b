package at.alma.mentoring.platform;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Deletes {@code Idempotency-Key} records older than the retention, every
 * {@link IdempotencySettings#cleanupInterval()} on every node. One idempotent DELETE, so
 * nodes running it at the same time need no coordination; a record past its retention is
 * treated as absent even before it is deleted.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyCleanup implements SchedulingConfigurer {

	private static final Log logger = LogFactory.getLog(IdempotencyCleanup.class);

	private final IdempotentRequests requests;

	private final IdempotencySettings settings;

	IdempotencyCleanup(IdempotentRequests requests, IdempotencySettings settings) {
		this.requests = requests;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration interval = this.settings.cleanupInterval();
		// the first run one interval after startup: starting is busy enough
		registrar.addFixedDelayTask(new FixedDelayTask(this::deleteExpired, interval, interval));
	}

	/** Deletes the expired records; returns how many. */
	int deleteExpired() {
		try {
			int deleted = this.requests.deleteExpired();
			if (deleted > 0 && logger.isDebugEnabled()) {
				logger.debug("Deleted " + deleted + " expired Idempotency-Key records");
			}
			return deleted;
		}
		catch (RuntimeException ex) {
			// the next run tries again
			logger.warn("Could not delete expired Idempotency-Key records", ex);
			return 0;
		}
	}

}
