package at.alma.mentoring.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import at.alma.mentoring.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code DateTime} a mutation answers is the value a later read gives, on H2 and on
 * MySQL/MariaDB alike: a client cache must not see two values for one field. Runs on the
 * real clock (not a fixed one), so the instants have sub-second parts the database would
 * round or cut.
 */
class TimestampRoundTripTests extends ApiTest {

	@Test
	void mutationsAnswerTheTimestampsALaterReadGives() {
		Map<String, String> written = new LinkedHashMap<>();
		Map<String, String> read = new LinkedHashMap<>();

		var mentee = signUp("Tina", "Time", "MENTEE");
		var mentor = signUp("Theo", "Time", "MENTOR");
		var signUp = anonymous().document("""
				mutation($input: SignUpInput!) { signUp(input: $input) { token me { createdAt } } }""")
			.variable("input",
					Map.of("email", "round.trip." + UUID.randomUUID() + "@alma.test", "password", PASSWORD, "firstName",
							"Rita", "lastName", "Round", "roles", List.of("MENTEE")))
			.execute();
		written.put("me.createdAt", text(signUp, "signUp.me.createdAt"));
		read.put("me.createdAt",
				text(anonymous().mutate()
					.header("Authorization", "Bearer " + text(signUp, "signUp.token"))
					.build()
					.document("{ me { createdAt } }")
					.execute(), "me.createdAt"));

		var request = as(mentee).document(
				"mutation($id: ID!) { requestMentorship(input: {mentorId: $id}) { mentorship { id requestedAt } } }")
			.variable("id", mentor.id())
			.execute();
		UUID mentorship = UUID.fromString(text(request, "requestMentorship.mentorship.id"));
		written.put("requestedAt", text(request, "requestMentorship.mentorship.requestedAt"));
		written.put("decidedAt", text(as(mentor).document(
				"mutation($id: ID!) { acceptMentorshipRequest(input: {mentorshipId: $id}) { mentorship { decidedAt } } }")
			.variable("id", mentorship)
			.execute(), "acceptMentorshipRequest.mentorship.decidedAt"));
		runJobs(mentorship);

		Map<String, Object> terms = new java.util.HashMap<>();
		terms.put("mentorshipId", mentorship);
		terms.put("periodStart", "2027-01-01");
		terms.put("periodEnd", "2027-12-31");
		terms.put("meetingCount", 6);
		terms.put("contactKinds", List.of("VIDEO"));
		terms.put("contactFrequency", "monthly");
		written.put("agreement.savedAt", text(as(mentee)
			.document(
					"mutation($input: SaveAgreementInput!) { saveAgreement(input: $input) { agreement { savedAt } } }")
			.variable("input", terms)
			.execute(), "saveAgreement.agreement.savedAt"));
		written.put("agreement.submittedAt", text(as(mentee)
			.document(
					"mutation($id: ID!) { submitAgreement(input: {mentorshipId: $id}) { agreement { submittedAt } } }")
			.variable("id", mentorship)
			.execute(), "submitAgreement.agreement.submittedAt"));
		written.put("agreement.approvedAt", text(as(mentor).document(
				"mutation($id: ID!) { approveAgreement(input: {mentorshipId: $id, version: 1}) { agreement { approvedAt } } }")
			.variable("id", mentorship)
			.execute(), "approveAgreement.agreement.approvedAt"));
		runJobs(mentorship);

		// a start with nanoseconds, as a client may send it
		String start = Instant.now()
			.plus(10, ChronoUnit.DAYS)
			.plusNanos(123_456_789)
			.atOffset(ZoneOffset.ofHours(1))
			.toString();
		var proposal = as(mentee).document("""
				mutation($input: ProposeMeetingInput!) {
				  proposeMeeting(input: $input) { meeting { id slots { startsAt } } } }""")
			.variable("input",
					Map.of("mentorshipId", mentorship, "slots",
							List.of(Map.of("start", start, "durationMinutes", 60, "kind", "PHONE"))))
			.execute();
		String meeting = text(proposal, "proposeMeeting.meeting.id");
		written.put("meeting.startsAt", text(proposal, "proposeMeeting.meeting.slots[0].startsAt"));

		written.put("message.sentAt", text(as(mentor).document(
				"mutation($id: ID!) { sendMessage(input: {mentorshipId: $id, text: \"Hello\"}) { message { sentAt } } }")
			.variable("id", mentorship)
			.execute(), "sendMessage.message.sentAt"));

		var article = as(mentee).document(
				"mutation { createArticle(input: {title: \"Time\", body: \"Whole seconds\"}) { article { id createdAt revisedAt } } }")
			.execute();
		written.put("article.createdAt", text(article, "createArticle.article.createdAt"));
		written.put("article.revisedAt", text(article, "createArticle.article.revisedAt"));

		var group = as(mentor)
			.document("mutation($name: String!) { createGroup(input: {name: $name}) { group { id createdAt } } }")
			.variable("name", "Round trip " + UUID.randomUUID())
			.execute();
		written.put("group.createdAt", text(group, "createGroup.group.createdAt"));

		written.put("endedAt", text(as(mentor).document(
				"""
						mutation($id: ID!) {
						  terminateMentorship(input: {mentorshipId: $id, reason: "Moving abroad"}) { mentorship { endedAt } } }""")
			.variable("id", mentorship)
			.execute(), "terminateMentorship.mentorship.endedAt"));

		var later = as(mentee).document("""
				query($id: ID!, $meeting: ID!) {
				  mentorship(id: $id) {
				    requestedAt decidedAt endedAt
				    agreement { savedAt submittedAt approvedAt }
				    messages(first: 1) { edges { node { sentAt } } }
				  }
				  meeting(id: $meeting) { slots { startsAt } }
				}""").variable("id", mentorship).variable("meeting", meeting).execute();
		read.put("requestedAt", text(later, "mentorship.requestedAt"));
		read.put("decidedAt", text(later, "mentorship.decidedAt"));
		read.put("agreement.savedAt", text(later, "mentorship.agreement.savedAt"));
		read.put("agreement.submittedAt", text(later, "mentorship.agreement.submittedAt"));
		read.put("agreement.approvedAt", text(later, "mentorship.agreement.approvedAt"));
		read.put("meeting.startsAt", text(later, "meeting.slots[0].startsAt"));
		read.put("message.sentAt", text(later, "mentorship.messages.edges[0].node.sentAt"));
		read.put("endedAt", text(later, "mentorship.endedAt"));
		var article2 = as(mentor).document("query($id: ID!) { article(id: $id) { createdAt revisedAt } }")
			.variable("id", text(article, "createArticle.article.id"))
			.execute();
		read.put("article.createdAt", text(article2, "article.createdAt"));
		read.put("article.revisedAt", text(article2, "article.revisedAt"));
		read.put("group.createdAt",
				text(as(mentee).document("query($id: ID!) { group(id: $id) { createdAt } }")
					.variable("id", text(group, "createGroup.group.id"))
					.execute(), "group.createdAt"));

		assertThat(read).isEqualTo(written);
		assertThat(written.values()).allSatisfy((value) -> assertThat(value).doesNotContain("."));
	}

	private static String text(GraphQlTester.Response response, String path) {
		return response.path(path).entity(String.class).get();
	}

}
