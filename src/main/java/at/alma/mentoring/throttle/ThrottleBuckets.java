package at.alma.mentoring.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The throttles' buckets, in the database ({@link JdbcBuckets}), so all app instances
 * share the counts; on the injected clock, so tests move time instead of waiting. A
 * bucket's name is stored as a SHA-256, which keeps e-mail and client addresses out of
 * the table. A throttle takes its {@link Allowance}s from here when it is built, so the
 * cleanup knows the longest window of all of them.
 */
@Component
public class ThrottleBuckets {

	private static final int CLEANUP_BATCH = 100;

	/** At most 100,000 rows a run; the next run goes on. */
	private static final int MAX_CLEANUP_ROUNDS = 1000;

	private final JdbcBuckets buckets;

	private final JdbcTemplate jdbc;

	private final Set<Duration> windows = ConcurrentHashMap.newKeySet();

	ThrottleBuckets(DataSource dataSource, JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
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
		this.buckets = new JdbcBuckets(dataSource, clock, ClientSideConfig.getDefault().withClientClock(time));
	}

	/**
	 * Deletes the buckets last used before {@code cutoff} and those from before the
	 * {@code used_at} column; returns how many. A bucket untouched for longer than its
	 * refill window is full, the same as no row, so a cutoff at least that long ago
	 * changes no allowance. The candidates are read without locks and deleted by primary
	 * key, a hundred at a time, each batch in its own statement: a bucket operation locks
	 * its row by primary key and then moves its {@code used_at} index entry, and a DELETE
	 * walking that index would take the two locks the other way round (a deadlock on
	 * InnoDB). The DELETE checks {@code used_at} again, so a bucket used in between
	 * stays.
	 */
	int deleteUnusedSince(Instant cutoff) {
		LocalDateTime before = LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC);
		int deleted = 0;
		for (int round = 0; round < MAX_CLEANUP_ROUNDS; round++) {
			List<String> keys = this.jdbc
				.queryForList("select bucket_key from sign_in_throttle where used_at < ? or used_at is null limit "
						+ CLEANUP_BATCH, String.class, before);
			if (keys.isEmpty()) {
				break;
			}
			List<Object> arguments = new ArrayList<>(keys);
			arguments.add(before);
			deleted += this.jdbc.update("delete from sign_in_throttle where bucket_key in ("
					+ String.join(", ", Collections.nCopies(keys.size(), "?"))
					+ ") and (used_at < ? or used_at is null)", arguments.toArray());
			if (keys.size() < CLEANUP_BATCH) {
				break;
			}
		}
		return deleted;
	}

	/**
	 * The bucket called {@code name} under {@code allowance}; a new one starts full.
	 * Bucket4j keeps the configuration a bucket was created with, so the allowance is
	 * part of the key: after a change of the settings every bucket starts again, full,
	 * under the new allowance, and the old rows go with {@link ThrottleCleanup}.
	 */
	public BucketProxy bucket(String name, Allowance allowance) {
		return this.buckets.getProxy(key(name, allowance), () -> allowance.configuration);
	}

	/**
	 * Removes the bucket called {@code name} under {@code allowance} (an account that is
	 * deleted); as if it had never been used.
	 */
	public void forget(String name, Allowance allowance) {
		this.buckets.removeProxy(key(name, allowance));
	}

	/** The stored key of a bucket: SHA-256, hex, of its name and allowance. */
	public static String key(String name, Allowance allowance) {
		return sha256(name + " " + allowance.capacity + "/" + allowance.window);
	}

	/**
	 * {@code capacity} tokens that come back gradually, all of them within
	 * {@code window}; its window counts for the cleanup from now on.
	 */
	public Allowance allowance(int capacity, Duration window) {
		this.windows.add(window);
		return new Allowance(capacity, window);
	}

	/**
	 * The longest window of the allowances handed out: a bucket unused for longer is
	 * full, the same as no row. Empty before any throttle was built.
	 */
	Optional<Duration> longestWindow() {
		return this.windows.stream().max(Duration::compareTo);
	}

	/**
	 * {@code capacity} tokens that come back gradually, all of them within
	 * {@code window}.
	 */
	public static final class Allowance {

		private final int capacity;

		private final Duration window;

		private final BucketConfiguration configuration;

		private Allowance(int capacity, Duration window) {
			this.capacity = capacity;
			this.window = window;
			this.configuration = BucketConfiguration.builder()
				.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
				.build();
		}

	}

	/** SHA-256, hex: a fixed-length key. */
	private static String sha256(String name) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
