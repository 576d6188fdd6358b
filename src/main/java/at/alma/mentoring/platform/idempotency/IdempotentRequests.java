package at.alma.mentoring.platform.idempotency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The records behind {@code Idempotency-Key}, one per caller (scope) and key, in the
 * database all nodes share. Every statement commits on its own (no surrounding
 * transaction), so a claim is visible to the other nodes before the mutation runs, and
 * the mutation's own transaction never holds it. The primary key decides which of two
 * concurrent first requests claims the key; {@code claim_id} decides which of two repeats
 * takes over an abandoned or expired record, and keeps a node whose claim was taken over
 * from completing or releasing the new owner's.
 */
@Repository
class IdempotentRequests {

	private static final int ATTEMPTS = 5;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IdempotencySettings settings;

	IdempotentRequests(JdbcClient jdbc, Clock clock, IdempotencySettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Claims the key for a request with this fingerprint, or says why not: the stored
	 * response of the first request, another request's claim still in progress, or the
	 * key used for a different request.
	 */
	Claim claim(String scope, String key, String fingerprint) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Instant now = this.clock.instant();
			String claimId = UUID.randomUUID().toString();
			if (insert(scope, key, fingerprint, claimId, now)) {
				return new Claimed(claimId);
			}
			Optional<Row> found = find(scope, key);
			if (found.isEmpty()) {
				// released or deleted since the insert failed: try again
				continue;
			}
			Row row = found.get();
			boolean expired = row.createdAt().isBefore(now.minus(this.settings.retention()));
			if (!expired && !row.fingerprint().equals(fingerprint)) {
				return Claim.REUSED;
			}
			if (!expired && row.state() == State.COMPLETED) {
				return new Completed(row.response());
			}
			if (!expired && row.leaseUntil().isAfter(now)) {
				return Claim.IN_PROGRESS;
			}
			// expired, or abandoned by a node that did not finish within its lease
			if (replace(row, fingerprint, claimId, now)) {
				return new Claimed(claimId);
			}
		}
		return Claim.IN_PROGRESS;
	}

	/**
	 * Stores the response of a claimed request; false if the claim was lost (taken over
	 * after its lease).
	 */
	boolean complete(String scope, String key, String claimId, String response) {
		return this.jdbc.sql("""
				update idempotent_requests set state = 'COMPLETED', response = :response, completed_at = :now
				where scope = :scope and idem_key = :key and claim_id = :claim and state = 'IN_PROGRESS'""")
			.param("response", response)
			.param("now", utc(this.clock.instant()))
			.param("scope", scope)
			.param("key", key)
			.param("claim", claimId)
			.update() == 1;
	}

	/** Gives a claim up, so that a repeat runs the request. */
	void release(String scope, String key, String claimId) {
		this.jdbc.sql("""
				delete from idempotent_requests
				where scope = :scope and idem_key = :key and claim_id = :claim and state = 'IN_PROGRESS'""")
			.param("scope", scope)
			.param("key", key)
			.param("claim", claimId)
			.update();
	}

	/**
	 * Deletes at most {@code limit} of the records older than the retention; returns how
	 * many.
	 */
	int deleteExpired(int limit) {
		return this.jdbc.sql("delete from idempotent_requests where created_at < :cutoff limit " + limit)
			.param("cutoff", utc(this.clock.instant().minus(this.settings.retention())))
			.update();
	}

	private boolean insert(String scope, String key, String fingerprint, String claimId, Instant now) {
		try {
			this.jdbc
				.sql("""
						insert into idempotent_requests (scope, idem_key, fingerprint, state, claim_id, created_at, lease_until)
						values (:scope, :key, :fingerprint, 'IN_PROGRESS', :claim, :now, :leaseUntil)""")
				.param("scope", scope)
				.param("key", key)
				.param("fingerprint", fingerprint)
				.param("claim", claimId)
				.param("now", utc(now))
				.param("leaseUntil", utc(now.plus(this.settings.lease())))
				.update();
			return true;
		}
		catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
			// taken; or, on InnoDB, a deadlock or lock wait among inserts of the same key
			// and a release: either way look at the row and decide again
			return false;
		}
	}

	/**
	 * A fresh claim in place of {@code row}, unless the row changed since it was read
	 * (another repeat took it over first, or its owner completed it at the last moment).
	 */
	private boolean replace(Row row, String fingerprint, String claimId, Instant now) {
		return this.jdbc.sql("""
				update idempotent_requests
				set fingerprint = :fingerprint, state = 'IN_PROGRESS', claim_id = :claim, response = null,
				    created_at = :now, lease_until = :leaseUntil, completed_at = null
				where scope = :scope and idem_key = :key and claim_id = :previous and state = :previousState""")
			.param("fingerprint", fingerprint)
			.param("claim", claimId)
			.param("now", utc(now))
			.param("leaseUntil", utc(now.plus(this.settings.lease())))
			.param("scope", row.scope())
			.param("key", row.key())
			.param("previous", row.claimId())
			.param("previousState", row.state().name())
			.update() == 1;
	}

	private Optional<Row> find(String scope, String key) {
		return this.jdbc.sql("""
				select scope, idem_key, fingerprint, state, claim_id, response, created_at, lease_until
				from idempotent_requests where scope = :scope and idem_key = :key""")
			.param("scope", scope)
			.param("key", key)
			.query(IdempotentRequests::row)
			.optional();
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getString("scope"), rs.getString("idem_key"), rs.getString("fingerprint"),
				State.valueOf(rs.getString("state")), rs.getString("claim_id"), rs.getString("response"),
				instant(rs, "created_at"), instant(rs, "lease_until"));
	}

	// instants are stored as UTC wall-clock time, like everywhere in the schema
	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
	}

	enum State {

		IN_PROGRESS, COMPLETED

	}

	private record Row(String scope, String key, String fingerprint, State state, String claimId, String response,
			Instant createdAt, Instant leaseUntil) {
	}

	/** What {@link #claim} found. */
	sealed interface Claim permits Claimed, Completed, Refused {

		Refused IN_PROGRESS = new Refused("IDEMPOTENCY_KEY_IN_PROGRESS");

		Refused REUSED = new Refused("IDEMPOTENCY_KEY_REUSED");

	}

	/** The key is ours: run the request, then {@link #complete} or {@link #release}. */
	record Claimed(String claimId) implements Claim {
	}

	/** The first request with this key finished; its response as JSON. */
	record Completed(String response) implements Claim {
	}

	/** Nothing may run: the key is busy or belongs to another request. */
	record Refused(String code) implements Claim {
	}

}
