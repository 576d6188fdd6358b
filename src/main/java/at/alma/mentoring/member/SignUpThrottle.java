package at.alma.mentoring.member;

import java.util.function.Supplier;

import io.github.bucket4j.distributed.BucketProxy;

import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.throttle.ThrottleBuckets;
import at.alma.mentoring.throttle.ThrottleBuckets.Allowance;

import org.springframework.stereotype.Component;

/**
 * Bounds how fast one client address creates accounts: every sign-up that passed the
 * argument validation takes a token from its address's bucket, whatever its outcome (a
 * taken e-mail address counts too, which also slows down finding out which addresses have
 * accounts; so do a weak password and an unknown time zone, checked later). An empty
 * bucket refuses the sign-up ({@code TOO_MANY_SIGN_UPS}) before anything is written, and
 * refills gradually over the window. The buckets are the sign-in throttle's, in the
 * database, so all app instances share the count.
 */
@Component
class SignUpThrottle {

	private final ThrottleBuckets buckets;

	private final Allowance perAddress;

	SignUpThrottle(ThrottleBuckets buckets, SignUpThrottleSettings settings) {
		this.buckets = buckets;
		this.perAddress = buckets.allowance(settings.perAddress(), settings.window());
	}

	<T> T attempt(String clientAddress, Supplier<T> signUp) {
		if (!bucket(clientAddress).tryConsume(1)) {
			throw DomainException.refused("TOO_MANY_SIGN_UPS",
					"Too many sign-ups from this address; wait a while and try again");
		}
		return signUp.get();
	}

	BucketProxy bucket(String clientAddress) {
		return this.buckets.bucket(name(clientAddress), this.perAddress);
	}

	/** The bucket's stored key. */
	String key(String clientAddress) {
		return ThrottleBuckets.key(name(clientAddress), this.perAddress);
	}

	private static String name(String clientAddress) {
		return "sign-up-address:" + clientAddress;
	}

}
