package at.alma.mentoring.member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;

import org.springframework.stereotype.Component;

/**
 * The throttles' buckets, in the database ({@link JdbcBuckets}), so all app instances
 * share the counts; on the injected clock, so tests move time instead of waiting. A
 * bucket's name is stored as its SHA-256, which keeps e-mail and client addresses out of
 * the table.
 */
@Component
class ThrottleBuckets {

	private final JdbcBuckets buckets;

	ThrottleBuckets(DataSource dataSource, Clock clock) {
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
	}

	/**
	 * The bucket called {@code name}; a new one starts full with {@code configuration}.
	 */
	BucketProxy bucket(String name, BucketConfiguration configuration) {
		return this.buckets.getProxy(key(name), () -> configuration);
	}

	/**
	 * {@code capacity} tokens that come back gradually, all of them within
	 * {@code window}.
	 */
	static BucketConfiguration refilledOver(int capacity, Duration window) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
			.build();
	}

	/** SHA-256, hex: a fixed-length key. */
	private static String key(String name) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
