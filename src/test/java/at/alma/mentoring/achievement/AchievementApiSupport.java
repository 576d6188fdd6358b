package at.alma.mentoring.achievement;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.ApiTest;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The GraphQL steps that lead to achievements: an active mentorship, a meeting both sides
 * confirm, wiki articles.
 */
abstract class AchievementApiSupport extends ApiTest {

	static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");

	static final String MY_ACHIEVEMENTS = """
			{ me { achievements {
			    totals { kind count }
			    items(first: 50) { edges { node { id kind achievedAt role source { type id } partner { id displayName } } } }
			} } }""";

	/**
	 * A meeting the mentor scheduled for 10 March 2027, 10:00 UTC; the clock is past it.
	 */
	UUID meetingAfterItsTime(Account mentee, Account mentor, UUID mentorship) {
		UUID meeting = UUID.fromString(as(mentee)
			.document("mutation($input: ProposeMeetingInput!) { proposeMeeting(input: $input) { meeting { id } } }")
			.variable("input",
					Map.of("mentorshipId", mentorship, "slots",
							List.of(Map.of("start", "2027-03-10T10:00Z", "durationMinutes", 60, "kind", "VIDEO", "link",
									"https://meet.example.org/alma"))))
			.execute()
			.path("proposeMeeting.meeting.id")
			.entity(String.class)
			.get());
		as(mentor)
			.document("mutation($id: ID!) { scheduleMeeting(input: {meetingId: $id, slot: 0}) { meeting { status } } }")
			.variable("id", meeting)
			.execute()
			.path("scheduleMeeting.meeting.status")
			.entity(String.class)
			.isEqualTo("SCHEDULED");
		this.clock.setTo(Instant.parse("2027-03-10T11:00:00Z"));
		runJobs(mentorship);
		return meeting;
	}

	GraphQlTester.Response confirm(Account member, UUID meeting) {
		return as(member)
			.document("mutation($id: ID!) { confirmMeetingHeld(input: {meetingId: $id}) { meeting { id status } } }")
			.variable("id", meeting)
			.execute();
	}

	UUID article(Account author, String title) {
		return UUID.fromString(as(author)
			.document("mutation($t: String!) { createArticle(input: {title: $t, body: \"Text\"}) { article { id } } }")
			.variable("t", title)
			.execute()
			.path("createArticle.article.id")
			.entity(String.class)
			.get());
	}

	/** Rows of the member's achievements of {@code kind}, straight from the table. */
	long achievements(Account member, String kind) {
		return this.jdbc.queryForObject("select count(*) from achievements where member_id = ? and kind = ?",
				Long.class, member.id().toString(), kind);
	}

	long achievements(Account member, String kind, UUID source) {
		return this.jdbc.queryForObject(
				"select count(*) from achievements where member_id = ? and kind = ? and source_id = ?", Long.class,
				member.id().toString(), kind, source.toString());
	}

}
