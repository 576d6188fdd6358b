package at.alma.mentoring.achievement;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

	private static final String INSERT = "insert into achievements"
			+ " (id, member_id, kind, source_type, source_id, member_role, partner_id, achieved_at) values ";

	private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	AchievementLedger(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a mentorship achievement for both sides in one statement, its rows in the
	 * order of the unique index ({@code member_id} first: kind and source are the same).
	 * Two transactions handling the same event at once: the second waits on the first's
	 * first row and, once that commits, finds both rows, so it records nothing and fails
	 * nothing. Two single-row inserts deadlock on InnoDB (each waits on the other's key);
	 * so does one statement whose second row sorts right before its first: its insert
	 * intention into that gap waits behind the other transaction's waiting lock on the
	 * first row. In ascending order the second row goes into a gap nobody waits on.
	 */
	void recordPair(AchievementKind kind, UUID sourceId, UUID menteeId, UUID mentorId) {
		Integer existing = this.jdbc.queryForObject(
				"select count(*) from achievements where kind = ? and source_id = ? and member_id in (?, ?)",
				Integer.class, kind.name(), sourceId.toString(), menteeId.toString(), mentorId.toString());
		if (existing != null && existing == 2) {
			return;
		}
		List<Row> rows = inIndexOrder(menteeId, mentorId);
		if (existing == null || existing == 0) {
			LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
			List<Object> values = new ArrayList<>();
			for (Row row : rows) {
				values.addAll(Arrays.asList(values(row.member(), kind, sourceId, row.side(), row.partner(), now)));
			}
			try {
				this.jdbc.update(INSERT + ROW + ", " + ROW, values.toArray());
				return;
			}
			catch (DuplicateKeyException ex) {
				// another transaction recorded them a moment earlier; the rows below find
				// theirs
			}
		}
		for (Row row : rows) {
			record(row.member(), kind, sourceId, row.side(), row.partner());
		}
	}

	/**
	 * Both sides' rows in the order they take in the unique index: by member id as the
	 * database compares it. Lower-case hex digits and hyphens in the same places sort the
	 * same in Java as in the {@code char(36)} column's collation.
	 */
	private static List<Row> inIndexOrder(UUID menteeId, UUID mentorId) {
		Row mentee = new Row(menteeId, Side.MENTEE, mentorId);
		Row mentor = new Row(mentorId, Side.MENTOR, menteeId);
		return (menteeId.toString().compareTo(mentorId.toString()) <= 0) ? List.of(mentee, mentor)
				: List.of(mentor, mentee);
	}

	/** The parameters of one {@link #ROW}. */
	private static Object[] values(UUID memberId, AchievementKind kind, UUID sourceId, Side side, UUID partnerId,
			LocalDateTime achievedAt) {
		return new Object[] { UUID.randomUUID().toString(), memberId.toString(), kind.name(), kind.sourceType().name(),
				sourceId.toString(), (side != null) ? side.name() : null,
				(partnerId != null) ? partnerId.toString() : null, achievedAt };
	}

	/** One side's row of a pair: the member, their side and the other side. */
	private record Row(UUID member, Side side, UUID partner) {
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
			this.jdbc.update(INSERT + ROW, values(memberId, kind, sourceId, side, partnerId,
					LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC)));
			return true;
		}
		catch (DuplicateKeyException ex) {
			// another transaction recorded it a moment earlier: the unique index decided
			return false;
		}
	}

}
