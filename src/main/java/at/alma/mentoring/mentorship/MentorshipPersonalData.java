package at.alma.mentoring.mentorship;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.privacy.PersonalData;
import at.alma.mentoring.privacy.PersonalDataArchive;

import at.alma.mentoring.workflow.WorkflowTraces;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static at.alma.mentoring.privacy.ExportRows.date;
import static at.alma.mentoring.privacy.ExportRows.instant;
import static at.alma.mentoring.privacy.ExportRows.uuid;

/**
 * The mentorship module's contribution to a member's export: every mentorship they were
 * mentee or mentor of, with all agreement versions ({@code mentorships}), and their own
 * decline text ({@code decline-template}). The other side appears with id and display
 * name only. Five statements, whatever the number of mentorships.
 */
@Component
class MentorshipPersonalData implements PersonalData {

	/** The member's mentorships, each side read on its own index. */
	private static final String OWN = """
			select id from mentorships where mentee_id = :member
			union all select id from mentorships where mentor_id = :member""";

	private final JdbcClient jdbc;

	private final MemberDirectory members;

	private final WorkflowTraces workflow;

	MentorshipPersonalData(JdbcClient jdbc, MemberDirectory members, WorkflowTraces workflow) {
		this.jdbc = jdbc;
		this.workflow = workflow;
		this.members = members;
	}

	@Override
	public void exportTo(UUID memberId, PersonalDataArchive archive) {
		String member = memberId.toString();
		Map<UUID, List<String>> topics = new HashMap<>();
		this.jdbc.sql("""
				select t.agreement_version_id, t.topic from agreement_topics t
				join agreement_versions a on a.id = t.agreement_version_id
				where a.mentorship_id in (%s) order by t.agreement_version_id, t.position""".formatted(OWN))
			.param("member", member)
			.query((row) -> {
				topics.computeIfAbsent(uuid(row, "agreement_version_id"), (id) -> new ArrayList<>())
					.add(row.getString("topic"));
			});
		Map<UUID, List<AgreementSection>> agreements = new HashMap<>();
		this.jdbc.sql("""
				select * from agreement_versions where mentorship_id in (%s)
				order by mentorship_id, version_number""".formatted(OWN)).param("member", member).query((row) -> {
			agreements.computeIfAbsent(uuid(row, "mentorship_id"), (id) -> new ArrayList<>())
				.add(new AgreementSection(row.getInt("version_number"), row.getString("status"),
						date(row, "period_start"), date(row, "period_end"), row.getInt("meeting_count"),
						Arrays.asList(row.getString("contact_kinds").split(",")), row.getString("contact_frequency"),
						topics.getOrDefault(uuid(row, "id"), List.of()), instant(row, "saved_at"),
						instant(row, "submitted_at"), instant(row, "approved_at"), instant(row, "changes_requested_at"),
						row.getString("changes_comment")));
		});
		List<Row> rows = this.jdbc.sql("""
				select * from mentorships where mentee_id = :member
				union all select * from mentorships where mentor_id = :member""")
			.param("member", member)
			.query((row, n) -> new Row(uuid(row, "id"), uuid(row, "mentee_id"), uuid(row, "mentor_id"),
					row.getString("status"), row.getString("request_message"), row.getString("decline_message"),
					instant(row, "requested_at"), instant(row, "decided_at"), instant(row, "activated_at"),
					instant(row, "ended_at"), uuid(row, "closure_proposed_by"), instant(row, "closure_proposed_at"),
					row.getString("closure_decline_message"), uuid(row, "terminated_by"),
					row.getString("termination_reason")))
			.list();
		Map<UUID, MemberSummary> others = this.members.findAll(rows.stream()
			.map((row) -> memberId.equals(row.menteeId()) ? row.mentorId() : row.menteeId())
			.distinct()
			.toList());
		archive.section("mentorships",
				rows.stream().sorted(Comparator.comparing(Row::requestedAt).thenComparing(Row::id)).map((row) -> {
					boolean mentee = memberId.equals(row.menteeId());
					UUID otherId = mentee ? row.mentorId() : row.menteeId();
					MemberSummary other = others.get(otherId);
					return new MentorshipSection(row.id(), mentee ? "MENTEE" : "MENTOR",
							new OtherSide(otherId, (other != null) ? other.displayName() : null), row.status(),
							row.requestMessage(), row.declineMessage(), row.requestedAt(), row.decidedAt(),
							row.activatedAt(), row.endedAt(), side(memberId, row.closureProposedBy()),
							row.closureProposedAt(), row.closureDeclineMessage(), side(memberId, row.terminatedBy()),
							row.terminationReason(), agreements.getOrDefault(row.id(), List.of()));
				}).toList());
		archive.section("decline-template",
				this.jdbc.sql("select body, updated_at from decline_templates where mentor_id = :member")
					.param("member", member)
					.query((row, n) -> new DeclineTemplateSection(row.getString("body"), instant(row, "updated_at")))
					.optional()
					.orElse(null));
	}

	private static String side(UUID memberId, UUID actor) {
		if (actor == null) {
			return null;
		}
		return memberId.equals(actor) ? "ME" : "OTHER_SIDE";
	}

	private record Row(UUID id, UUID menteeId, UUID mentorId, String status, String requestMessage,
			String declineMessage, Instant requestedAt, Instant decidedAt, Instant activatedAt, Instant endedAt,
			UUID closureProposedBy, Instant closureProposedAt, String closureDeclineMessage, UUID terminatedBy,
			String terminationReason) {
	}

	/**
	 * A member who deletes their account: the texts they wrote to the other side (request
	 * message, decline texts, comments asking for agreement changes, closure declines,
	 * their termination reason) go; the mentorships and agreements stay, they are the
	 * other side's record too. The process engine's failure texts of the mentorships'
	 * instances (mail errors quote addresses) go as well ({@link WorkflowTraces}).
	 */
	@Override
	public void erase(UUID memberId) {
		String member = memberId.toString();
		this.jdbc.sql("delete from decline_templates where mentor_id = :member").param("member", member).update();
		this.jdbc.sql("update mentorships set request_message = null where mentee_id = :member")
			.param("member", member)
			.update();
		this.jdbc.sql("update mentorships set decline_message = null where mentor_id = :member")
			.param("member", member)
			.update();
		// the mentor asks for changes to an agreement
		this.jdbc
			.sql("update agreement_versions set changes_comment = null where changes_comment is not null"
					+ " and mentorship_id in (select id from mentorships where mentor_id = :member)")
			.param("member", member)
			.update();
		// whose decline it was is not kept: the text goes in every mentorship of theirs
		this.jdbc.sql(
				"update mentorships set closure_decline_message = null where mentee_id = :member or mentor_id = :member")
			.param("member", member)
			.update();
		this.jdbc
			.sql("update mentorships set termination_reason = null where terminated_by = :member"
					+ " and termination_reason <> :deleted")
			.param("member", member)
			.param("deleted", MentorshipsOfSuspendedMembers.ACCOUNT_DELETED)
			.update();
		this.workflow.eraseFailureTexts(this.jdbc.sql(
				"select id from mentorships where mentee_id = :member union select id from mentorships where mentor_id = :member")
			.param("member", member)
			.query(String.class)
			.list());
	}

	record OtherSide(UUID memberId, String name) {
	}

	record MentorshipSection(UUID id, String role, OtherSide otherSide, String status, String requestMessage,
			String declineMessage, Instant requestedAt, Instant decidedAt, Instant activatedAt, Instant endedAt,
			String closureProposedBy, Instant closureProposedAt, String closureDeclineMessage, String terminatedBy,
			String terminationReason, List<AgreementSection> agreements) {
	}

	record AgreementSection(int version, String status, LocalDate periodStart, LocalDate periodEnd, int meetingCount,
			List<String> contactKinds, String contactFrequency, List<String> topics, Instant savedAt,
			Instant submittedAt, Instant approvedAt, Instant changesRequestedAt, String changesComment) {
	}

	record DeclineTemplateSection(String body, Instant updatedAt) {
	}

}
