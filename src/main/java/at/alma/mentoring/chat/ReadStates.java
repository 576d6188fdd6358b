package at.alma.mentoring.chat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per participant of a conversation: the newest message read and the newest message a
 * digest mail covered. Plain SQL, because the rules are conditional updates (marks only
 * move forward; a digest is claimed by exactly one run) and grouped counts.
 */
@Repository
class ReadStates {

	private final JdbcClient jdbc;

	ReadStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void open(UUID mentorshipId, Collection<UUID> memberIds) {
		for (UUID memberId : memberIds) {
			this.jdbc
				.sql("""
						insert into conversation_read_states (mentorship_id, member_id, last_read_message_id, digested_up_to)
						values (:mentorship, :member, 0, 0)""")
				.param("mentorship", mentorshipId.toString())
				.param("member", memberId.toString())
				.update();
		}
	}

	/** Moves the member's read mark forward to {@code messageId}; never back. */
	void markRead(UUID mentorshipId, UUID memberId, long messageId) {
		this.jdbc.sql("""
				update conversation_read_states set last_read_message_id = :upTo
				where mentorship_id = :mentorship and member_id = :member and last_read_message_id < :upTo""")
			.param("upTo", messageId)
			.param("mentorship", mentorshipId.toString())
			.param("member", memberId.toString())
			.update();
	}

	long lastRead(UUID mentorshipId, UUID memberId) {
		return this.jdbc.sql("""
				select last_read_message_id from conversation_read_states
				where mentorship_id = :mentorship and member_id = :member""")
			.param("mentorship", mentorshipId.toString())
			.param("member", memberId.toString())
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * Messages of the other side the member has not read, per conversation (one query for
	 * any number of conversations); conversations without any are absent.
	 */
	Map<UUID, Integer> unreadCounts(UUID memberId, Collection<UUID> mentorshipIds) {
		if (mentorshipIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				select s.mentorship_id, count(m.id) from conversation_read_states s
				join chat_messages m on m.mentorship_id = s.mentorship_id and m.id > s.last_read_message_id
				    and m.sender_id <> s.member_id
				where s.member_id = :member and s.mentorship_id in (:mentorships)
				group by s.mentorship_id""")
			.param("member", memberId.toString())
			.param("mentorships", mentorshipIds.stream().map(UUID::toString).toList())
			.query((rs, row) -> Map.entry(UUID.fromString(rs.getString(1)), rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Readers who have messages that are unread, not yet covered by a digest, and older
	 * than {@code cutoff}; each with the marks as read now (the claim compares them).
	 */
	List<DueDigest> dueDigests(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				select s.mentorship_id, s.member_id, s.last_read_message_id, s.digested_up_to, max(m.id)
				from conversation_read_states s
				join chat_messages m on m.mentorship_id = s.mentorship_id and m.sender_id <> s.member_id
				    and m.id > s.last_read_message_id and m.id > s.digested_up_to
				group by s.mentorship_id, s.member_id, s.last_read_message_id, s.digested_up_to
				having min(m.sent_at) <= :cutoff
				order by min(m.id)
				limit :limit""")
			// instants are stored as UTC wall-clock time (hibernate.jdbc.time_zone)
			.param("cutoff", LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC))
			.param("limit", limit)
			.query((rs, row) -> new DueDigest(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
					rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.list();
	}

	/**
	 * Takes the digest for this run: succeeds for exactly one of several concurrent runs,
	 * and only while the reader's marks are as they were found (a reader who has read in
	 * the meantime gets no digest).
	 */
	boolean claim(DueDigest digest) {
		return this.jdbc.sql("""
				update conversation_read_states set digested_up_to = :upTo
				where mentorship_id = :mentorship and member_id = :member
				  and digested_up_to = :digested and last_read_message_id = :lastRead""")
			.param("upTo", digest.upTo())
			.param("mentorship", digest.mentorshipId().toString())
			.param("member", digest.memberId().toString())
			.param("digested", digest.digestedUpTo())
			.param("lastRead", digest.lastRead())
			.update() == 1;
	}

	/** A digest mail that is due: unread messages up to {@code upTo}. */
	record DueDigest(UUID mentorshipId, UUID memberId, long lastRead, long digestedUpTo, long upTo) {
	}

}
