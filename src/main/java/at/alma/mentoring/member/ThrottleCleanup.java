package at.alma.mentoring.member;

import java.time.Clock;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Deletes the throttles' buckets nobody used for longer than the longest refill window
 * (full again, so nothing changes for anyone), every hour on every node. One idempotent
 * DELETE, so nodes running it at the same time need no coordination. Without it the table
 * keeps a row for every e-mail address and client address ever seen.
 */
@Configuration(proxyBeanMethods = false)
class ThrottleCleanup implements SchedulingConfigurer {

	static final Duration INTERVAL = Duration.ofHours(1);

	private static final Log logger = LogFactory.getLog(ThrottleCleanup.class);

	private final ThrottleBuckets buckets;

	private final Clock clock;

	private final Duration unusedFor;

	ThrottleCleanup(ThrottleBuckets buckets, Clock clock, SignInThrottleSettings signIn,
			SignUpThrottleSettings signUp) {
		this.buckets = buckets;
		this.clock = clock;
		this.unusedFor = (signIn.window().compareTo(signUp.window()) >= 0) ? signIn.window() : signUp.window();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		// the first run one interval after startup: starting is busy enough
		registrar.addFixedDelayTask(new FixedDelayTask(this::deleteFullBuckets, INTERVAL, INTERVAL));
	}

	/**
	 * Deletes the buckets unused for longer than the longest window; returns how many.
	 */
	int deleteFullBuckets() {
		try {
			int deleted = this.buckets.deleteUnusedSince(this.clock.instant().minus(this.unusedFor));
			if (deleted > 0 && logger.isDebugEnabled()) {
				logger.debug("Deleted " + deleted + " unused throttle buckets");
			}
			return deleted;
		}
		catch (RuntimeException ex) {
			// the next run tries again
			logger.warn("Could not delete unused throttle buckets", ex);
			return 0;
		}
	}

}
