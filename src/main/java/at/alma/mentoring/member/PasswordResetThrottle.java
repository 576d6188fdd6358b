package at.alma.mentoring.member;

import java.util.function.Supplier;

import io.github.bucket4j.distributed.BucketProxy;

import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.throttle.ThrottleBuckets;
import at.alma.mentoring.throttle.ThrottleBuckets.Allowance;

import org.springframework.stereotype.Component;

/**
 * Bounds the reset mails an address gets and a client asks for, and the reset tokens a
 * client may try: the throttle module's buckets in the database, so all app instances
 * share the counts. Every request takes a token from the bucket of its e-mail address
 * (known or not, so a refusal tells nothing about accounts) and of its client address; a
 * failed {@code resetPassword} takes one from the client address's failure bucket, a
 * successful one gives it back.
 */
@Component
class PasswordResetThrottle {

	private final ThrottleBuckets buckets;

	private final Allowance perAccount;

	private final Allowance perClient;

	private final Allowance failuresPerClient;

	PasswordResetThrottle(ThrottleBuckets buckets, PasswordResetSettings settings) {
		this.buckets = buckets;
		this.perAccount = buckets.allowance(settings.requestsPerAccount(), settings.window());
		this.perClient = buckets.allowance(settings.requestsPerClient(), settings.window());
		this.failuresPerClient = buckets.allowance(settings.failuresPerClient(), settings.window());
	}

	/** Takes a request from the address's and the client's allowance, or refuses. */
	void request(String email, String clientAddress) {
		BucketProxy account = this.buckets.bucket("reset-account:" + Member.normalizeEmail(email), this.perAccount);
		BucketProxy client = requestBucket(clientAddress);
		if (!client.tryConsume(1)) {
			throw tooManyRequests();
		}
		if (!account.tryConsume(1)) {
			throw tooManyRequests();
		}
	}

	/** Runs a reset; a failing one counts against the client address. */
	<T> T attempt(String clientAddress, Supplier<T> reset) {
		BucketProxy failures = failureBucket(clientAddress);
		if (!failures.tryConsume(1)) {
			throw DomainException.refused("TOO_MANY_RESET_ATTEMPTS",
					"Too many failed password resets from this address; wait a while and try again");
		}
		T result = reset.get();
		failures.addTokens(1);
		return result;
	}

	/** Forgets the address's bucket (a deleted account). */
	void forget(String email) {
		this.buckets.forget("reset-account:" + Member.normalizeEmail(email), this.perAccount);
	}

	BucketProxy requestBucket(String clientAddress) {
		return this.buckets.bucket("reset-client:" + clientAddress, this.perClient);
	}

	BucketProxy failureBucket(String clientAddress) {
		return this.buckets.bucket("reset-failures:" + clientAddress, this.failuresPerClient);
	}

	private static DomainException tooManyRequests() {
		return DomainException.refused("TOO_MANY_RESET_REQUESTS",
				"Too many password reset requests for this address or from this client; wait a while and try again");
	}

}
