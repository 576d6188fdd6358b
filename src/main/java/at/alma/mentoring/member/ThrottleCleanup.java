package at.alma.mentoring.member;

import java.time.Clock;
import java.time.Duration;

import at.alma.mentoring.platform.NodeCleanup;

import org.springframework.context.annotation.Configuration;

/**
 * Deletes the throttles' buckets nobody used for longer than the longest refill window
 * (full again, so nothing changes for anyone), every hour on every node, by primary key
 * ({@link ThrottleBuckets#deleteUnusedSince}). Without it the table keeps a row for every
 * e-mail address and client address ever seen.
 */
@Configuration(proxyBeanMethods = false)
class ThrottleCleanup extends NodeCleanup {

	static final Duration INTERVAL = Duration.ofHours(1);

	private final ThrottleBuckets buckets;

	private final Clock clock;

	private final Duration unusedFor;

	ThrottleCleanup(ThrottleBuckets buckets, Clock clock, SignInThrottleSettings signIn,
			SignUpThrottleSettings signUp) {
		super("unused throttle buckets", INTERVAL);
		this.buckets = buckets;
		this.clock = clock;
		this.unusedFor = (signIn.window().compareTo(signUp.window()) >= 0) ? signIn.window() : signUp.window();
	}

	/** Deletes the buckets unused for longer than the longest window. */
	@Override
	protected int delete() {
		return this.buckets.deleteUnusedSince(this.clock.instant().minus(this.unusedFor));
	}

}
