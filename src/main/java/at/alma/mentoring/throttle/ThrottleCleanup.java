package at.alma.mentoring.throttle;

import java.time.Clock;
import java.time.Duration;

import at.alma.mentoring.platform.NodeCleanup;

import org.springframework.context.annotation.Configuration;

/**
 * Deletes the throttles' buckets nobody used for longer than the longest refill window of
 * any throttle (full again, so nothing changes for anyone), every hour on every node, by
 * primary key ({@link ThrottleBuckets#deleteUnusedSince}). Without it the table keeps a
 * row for every e-mail address and client address ever seen.
 */
@Configuration(proxyBeanMethods = false)
public class ThrottleCleanup extends NodeCleanup {

	static final Duration INTERVAL = Duration.ofHours(1);

	private final ThrottleBuckets buckets;

	private final Clock clock;

	ThrottleCleanup(ThrottleBuckets buckets, Clock clock) {
		super("unused throttle buckets", INTERVAL);
		this.buckets = buckets;
		this.clock = clock;
	}

	/** Deletes the buckets unused for longer than the longest window. */
	@Override
	protected int delete() {
		return this.buckets.longestWindow()
			.map((unusedFor) -> this.buckets.deleteUnusedSince(this.clock.instant().minus(unusedFor)))
			.orElse(0);
	}

}
