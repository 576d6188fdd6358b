package at.alma.mentoring.feedback;

import java.time.Instant;
import java.util.UUID;

import at.alma.mentoring.privacy.PersonalData;
import at.alma.mentoring.privacy.PersonalDataArchive;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static at.alma.mentoring.privacy.ExportRows.instant;
import static at.alma.mentoring.privacy.ExportRows.integer;
import static at.alma.mentoring.privacy.ExportRows.uuid;

/**
 * The feedback module's contribution to a member's export ({@code feedback}): the
 * feedback requests addressed to the member and their own answers; never the other side's
 * answers about the same mentorship. One statement.
 */
@Component
class FeedbackPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	FeedbackPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void exportTo(UUID memberId, PersonalDataArchive archive) {
		archive.section("feedback",
				this.jdbc.sql("""
						select id, mentorship_id, occasion, requested_at, answered_at, rating, answer
						from feedback_requests where member_id = :member order by requested_at, id""")
					.param("member", memberId.toString())
					.query((row, n) -> new FeedbackSection(uuid(row, "id"), uuid(row, "mentorship_id"),
							row.getString("occasion"), instant(row, "requested_at"), instant(row, "answered_at"),
							integer(row, "rating"), row.getString("answer")))
					.list());
	}

	/**
	 * A member who deletes their account: the texts of their answers go; the rating and
	 * when it was given stay with the tombstone, for the program office's statistics.
	 */
	@Override
	public void erase(UUID memberId) {
		this.jdbc.sql("update feedback_requests set answer = null where member_id = :member")
			.param("member", memberId.toString())
			.update();
	}

	record FeedbackSection(UUID id, UUID mentorshipId, String occasion, Instant requestedAt, Instant answeredAt,
			Integer rating, String answer) {
	}

}
