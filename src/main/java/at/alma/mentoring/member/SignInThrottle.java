package at.alma.mentoring.member;

import java.util.function.Supplier;

import io.github.bucket4j.distributed.BucketProxy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.throttle.ThrottleBuckets;
import at.alma.mentoring.throttle.ThrottleBuckets.Allowance;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: every sign-in attempt takes a token from the bucket of
 * its e-mail address and from the bucket of its client address; a successful one gives
 * them back. An empty bucket refuses the attempt ({@code TOO_MANY_SIGN_IN_ATTEMPTS})
 * without looking at the password, and refills gradually over the window. The buckets
 * live in the database, so all app instances share the count, and every attempt counts,
 * also the aliased ones of a single request. Unknown addresses are throttled like known
 * ones, so the refusal tells nothing about which accounts exist.
 */
@Component
class SignInThrottle {

	private final ThrottleBuckets buckets;

	private final Allowance perAccount;

	private final Allowance perAddress;

	private final Counter accountRefusals;

	private final Counter addressRefusals;

	SignInThrottle(ThrottleBuckets buckets, SignInThrottleSettings settings, MeterRegistry meters) {
		this.buckets = buckets;
		this.perAccount = buckets.allowance(settings.failuresPerAccount(), settings.window());
		this.perAddress = buckets.allowance(settings.failuresPerAddress(), settings.window());
		this.accountRefusals = refusals(meters, "account");
		this.addressRefusals = refusals(meters, "address");
	}

	private static Counter refusals(MeterRegistry meters, String bucket) {
		return Counter.builder("mentoring.sign.in.refusals")
			.description("Sign-ins refused with TOO_MANY_SIGN_IN_ATTEMPTS, by the bucket that was empty")
			.tag("bucket", bucket)
			.register(meters);
	}

	<T> T attempt(String email, String clientAddress, Supplier<T> signIn) {
		BucketProxy account = this.buckets.bucket("account:" + Member.normalizeEmail(email), this.perAccount);
		BucketProxy address = this.buckets.bucket("address:" + clientAddress, this.perAddress);
		if (!account.tryConsume(1)) {
			this.accountRefusals.increment();
			throw tooMany();
		}
		if (!address.tryConsume(1)) {
			account.addTokens(1);
			this.addressRefusals.increment();
			throw tooMany();
		}
		T signedIn = signIn.get();
		account.addTokens(1);
		address.addTokens(1);
		return signedIn;
	}

	/** Forgets the account's bucket (a deleted account). */
	void forget(String email) {
		this.buckets.forget("account:" + Member.normalizeEmail(email), this.perAccount);
	}

	private static DomainException tooMany() {
		return DomainException.refused("TOO_MANY_SIGN_IN_ATTEMPTS",
				"Too many failed sign-ins for this account or from this address; wait a few minutes and try again");
	}

}
