package at.alma.mentoring.achievement;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import at.alma.mentoring.achievement.AchievementKind.Side;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records an achievement exactly once per member, kind and source, in the caller's
 * transaction. A replayed event finds the row; a concurrent transaction that records the
 * same one first makes the unique index refuse the second insert, which is caught here
 * for that statement alone: it never fails, or marks for rollback, the business
 * transaction around it.
 */
@Component
class AchievementLedger {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	AchievementLedger(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a mentorship achievement for both sides in one statement. Two single-row
	 * inserts of two transactions handling the same event deadlock on MySQL/MariaDB (each
	 * waits on the other's key); with one statement the second waits for the first and
	 * then finds both rows, so it records nothing and fails nothing.
	 */
	void recordPair(AchievementKind kind, UUID sourceId, UUID menteeId, UUID mentorId) {
		Integer existing = this.jdbc.queryForObject(
				"select count(*) from achievements where kind = ? and source_id = ? and member_id in (?, ?)",
				Integer.class, kind.name(), sourceId.toString(), menteeId.toString(), mentorId.toString());
		if (existing != null && existing == 2) {
			return;
		}
		if (existing == null || existing == 0) {
			LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
			try {
				this.jdbc.update(
						"insert into achievements (id, member_id, kind, source_type, source_id, member_role, partner_id, achieved_at)"
								+ " values (?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?)",
						UUID.randomUUID().toString(), menteeId.toString(), kind.name(), kind.sourceType().name(),
						sourceId.toString(), Side.MENTEE.name(), mentorId.toString(), now, UUID.randomUUID().toString(),
						mentorId.toString(), kind.name(), kind.sourceType().name(), sourceId.toString(),
						Side.MENTOR.name(), menteeId.toString(), now);
				return;
			}
			catch (DuplicateKeyException ex) {
				// another transaction recorded them a moment earlier; the rows below find
				// theirs
			}
		}
		record(menteeId, kind, sourceId, Side.MENTEE, mentorId);
		record(mentorId, kind, sourceId, Side.MENTOR, menteeId);
	}

	/** Returns whether the achievement is new. */
	boolean record(UUID memberId, AchievementKind kind, UUID sourceId, Side side, UUID partnerId) {
		Integer existing = this.jdbc.queryForObject(
				"select count(*) from achievements where member_id = ? and kind = ? and source_id = ?", Integer.class,
				memberId.toString(), kind.name(), sourceId.toString());
		if (existing != null && existing > 0) {
			return false;
		}
		try {
			// JdbcTemplate, not the EntityManager: Hibernate would mark the whole
			// transaction rollback-only on the duplicate key
			this.jdbc.update(
					"insert into achievements (id, member_id, kind, source_type, source_id, member_role, partner_id, achieved_at)"
							+ " values (?, ?, ?, ?, ?, ?, ?, ?)",
					UUID.randomUUID().toString(), memberId.toString(), kind.name(), kind.sourceType().name(),
					sourceId.toString(), (side != null) ? side.name() : null,
					(partnerId != null) ? partnerId.toString() : null,
					LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
			return true;
		}
		catch (DuplicateKeyException ex) {
			// another transaction recorded it a moment earlier: the unique index decided
			return false;
		}
	}

}
