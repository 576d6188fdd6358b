package at.alma.mentoring.member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;

import at.alma.mentoring.platform.DomainException;
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

	private final JdbcBuckets buckets;

	private final BucketConfiguration perAccount;

	private final BucketConfiguration perAddress;

	SignInThrottle(DataSource dataSource, Clock clock, SignInThrottleSettings settings) {
		// the injected clock: tests move time instead of waiting
		TimeMeter time = new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				Instant now = clock.instant();
				return now.getEpochSecond() * 1_000_000_000L + now.getNano();
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
		this.buckets = new JdbcBuckets(dataSource, ClientSideConfig.getDefault().withClientClock(time));
		this.perAccount = configuration(settings.failuresPerAccount(), settings);
		this.perAddress = configuration(settings.failuresPerAddress(), settings);
	}

	<T> T attempt(String email, String clientAddress, Supplier<T> signIn) {
		BucketProxy account = this.buckets.getProxy(key("account:" + Member.normalizeEmail(email)),
				() -> this.perAccount);
		BucketProxy address = this.buckets.getProxy(key("address:" + clientAddress), () -> this.perAddress);
		if (!account.tryConsume(1)) {
			throw tooMany();
		}
		if (!address.tryConsume(1)) {
			account.addTokens(1);
			throw tooMany();
		}
		T signedIn = signIn.get();
		account.addTokens(1);
		address.addTokens(1);
		return signedIn;
	}

	private static BucketConfiguration configuration(int failures, SignInThrottleSettings settings) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, settings.window()).build())
			.build();
	}

	/** SHA-256, hex: a fixed-length key that keeps e-mail addresses out of the table. */
	private static String key(String name) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static DomainException tooMany() {
		return DomainException.refused("TOO_MANY_SIGN_IN_ATTEMPTS",
				"Too many failed sign-ins for this account or from this address; wait a few minutes and try again");
	}

}
