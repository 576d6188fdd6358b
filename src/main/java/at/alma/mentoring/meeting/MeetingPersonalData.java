package at.alma.mentoring.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.privacy.PersonalData;
import at.alma.mentoring.privacy.PersonalDataArchive;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static at.alma.mentoring.privacy.ExportRows.instant;
import static at.alma.mentoring.privacy.ExportRows.integer;
import static at.alma.mentoring.privacy.ExportRows.uuid;

/**
 * The meeting module's contribution to a member's export ({@code meetings}): every
 * meeting of their mentorships with its proposed slots and the member's own confirmation;
 * of the other side's, only whether it exists (the meeting's status); what either side
 * said when it did not take place. Two statements, whatever the number of meetings. The
 * calendar feed's secret is left out: it is a credential, not data about the member.
 */
@Component
class MeetingPersonalData implements PersonalData {

	private static final String OWN = """
			select id from meetings where mentee_id = :member
			union all select id from meetings where mentor_id = :member""";

	private final JdbcClient jdbc;

	MeetingPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void exportTo(UUID memberId, PersonalDataArchive archive) {
		String member = memberId.toString();
		Map<UUID, List<SlotSection>> slots = new HashMap<>();
		this.jdbc.sql("""
				select * from meeting_slots where meeting_id in (%s)
				order by meeting_id, position""".formatted(OWN)).param("member", member).query((row) -> {
			slots.computeIfAbsent(uuid(row, "meeting_id"), (id) -> new ArrayList<>())
				.add(new SlotSection(instant(row, "starts_at"), row.getInt("duration_minutes"), row.getString("kind"),
						row.getString("place"), row.getString("link")));
		});
		List<MeetingSection> meetings = this.jdbc.sql("""
				select * from meetings where mentee_id = :member
				union all select * from meetings where mentor_id = :member""")
			.param("member", member)
			.query((row, n) -> {
				boolean mentee = memberId.equals(uuid(row, "mentee_id"));
				UUID id = uuid(row, "id");
				UUID cancelledBy = uuid(row, "cancelled_by");
				UUID reportedBy = uuid(row, "not_held_reported_by");
				return new MeetingSection(id, uuid(row, "mentorship_id"), mentee ? "MENTEE" : "MENTOR",
						row.getString("status"), row.getBoolean("final_meeting"), instant(row, "starts_at"),
						integer(row, "duration_minutes"), row.getString("kind"), row.getString("place"),
						row.getString("link"), instant(row, "proposed_at"), slots.getOrDefault(id, List.of()),
						row.getString("decline_message"), row.getString("cancel_reason"),
						(cancelledBy == null) ? null : (memberId.equals(cancelledBy) ? "ME" : "OTHER_SIDE"),
						instant(row, mentee ? "mentee_confirmed_at" : "mentor_confirmed_at"),
						new NotHeldSection(
								(reportedBy == null) ? null : (memberId.equals(reportedBy) ? "ME" : "OTHER_SIDE"),
								instant(row, "not_held_reported_at"), row.getString("not_held_reason"),
								instant(row, "confirmation_withdrawn_at"), row.getString("withdrawal_reason"),
								row.getString("dispute_resolution"), instant(row, "dispute_resolved_at"),
								row.getString("dispute_resolution_reason"), instant(row, "unconfirmed_at")));
			})
			.list();
		archive.section("meetings",
				meetings.stream()
					.sorted(Comparator.comparing(MeetingSection::proposedAt).thenComparing(MeetingSection::id))
					.toList());
	}

	/**
	 * A member who deletes their account: their calendar feed (its secret token) goes,
	 * and the texts they wrote to the other side (decline, cancellation, not-held and
	 * withdrawal reasons); the meetings stay, they are the other side's record too.
	 */
	@Override
	public void erase(UUID memberId) {
		String member = memberId.toString();
		this.jdbc.sql("delete from calendar_feeds where member_id = :member").param("member", member).update();
		this.jdbc
			.sql("update meetings set decline_message = null where mentor_id = :member and decline_message is not null")
			.param("member", member)
			.update();
		this.jdbc.sql("update meetings set cancel_reason = null where cancelled_by = :member")
			.param("member", member)
			.update();
		this.jdbc.sql("update meetings set not_held_reason = null where not_held_reported_by = :member")
			.param("member", member)
			.update();
		// only the mentee withdraws a confirmation
		this.jdbc.sql(
				"update meetings set withdrawal_reason = null where mentee_id = :member and withdrawal_reason is not null")
			.param("member", member)
			.update();
	}

	record MeetingSection(UUID id, UUID mentorshipId, String role, String status, boolean finalMeeting,
			Instant startsAt, Integer durationMinutes, String kind, String place, String link, Instant proposedAt,
			List<SlotSection> proposedSlots, String declineMessage, String cancelReason, String cancelledBy,
			Instant confirmedByMeAt, NotHeldSection notHeld) {
	}

	/**
	 * What was said when a meeting did not take place, as both sides see it on the
	 * meeting; the admin who settled a dispute is not named.
	 */
	record NotHeldSection(String reportedBy, Instant reportedAt, String reason, Instant confirmationWithdrawnAt,
			String withdrawalReason, String disputeResolution, Instant disputeResolvedAt,
			String disputeResolutionReason, Instant unconfirmedAt) {
	}

	record SlotSection(Instant startsAt, int durationMinutes, String kind, String place, String link) {
	}

}
