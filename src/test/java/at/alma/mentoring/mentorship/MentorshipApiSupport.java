package at.alma.mentoring.mentorship;

import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.ApiTest;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * GraphQL steps of the mentorship lifecycle, shared by the tests of the module.
 */
abstract class MentorshipApiSupport extends ApiTest {

	static final String MENTORSHIP_FIELDS = "id status myRole requestMessage declineMessage mentee { id firstName lastName } mentor { id firstName }";

	GraphQlTester.Response request(Account mentee, Account mentor, String message) {
		return as(mentee)
			.document("mutation($input: RequestMentorshipInput!) { requestMentorship(input: $input) { mentorship { "
					+ MENTORSHIP_FIELDS + " } } }")
			.variable("input",
					(message == null) ? Map.of("mentorId", mentor.id())
							: Map.of("mentorId", mentor.id(), "message", message))
			.execute();
	}

	UUID requestOk(Account mentee, Account mentor) {
		return UUID.fromString(request(mentee, mentor, "Please mentor me").path("requestMentorship.mentorship.id")
			.entity(String.class)
			.get());
	}

	GraphQlTester.Response act(Account member, String mutation, UUID mentorshipId) {
		return as(member)
			.document("mutation($id: ID!) { " + mutation + "(input: {mentorshipId: $id}) { mentorship { "
					+ MENTORSHIP_FIELDS + " } } }")
			.variable("id", mentorshipId)
			.execute();
	}

	GraphQlTester.Response decline(Account mentor, UUID mentorshipId, String message) {
		return as(mentor).document(
				"mutation($input: DeclineMentorshipRequestInput!) { declineMentorshipRequest(input: $input) { mentorship { "
						+ MENTORSHIP_FIELDS + " } } }")
			.variable("input",
					(message == null) ? Map.of("mentorshipId", mentorshipId)
							: Map.of("mentorshipId", mentorshipId, "message", message))
			.execute();
	}

	static final String AGREEMENT_FIELDS = "version status periodStart periodEnd meetingCount contactKinds contactFrequency topics submittedAt approvedAt approvedBy { id } changesComment";

	static Map<String, Object> terms(UUID mentorshipId, int meetings) {
		var input = new java.util.HashMap<String, Object>();
		input.put("mentorshipId", mentorshipId);
		input.put("periodStart", "2027-01-15");
		input.put("periodEnd", "2027-07-15");
		input.put("meetingCount", meetings);
		input.put("contactKinds", java.util.List.of("VIDEO", "IN_PERSON"));
		input.put("contactFrequency", "every two weeks");
		input.put("topics", java.util.List.of("Career goals", "Leadership", "Negotiation"));
		return input;
	}

	GraphQlTester.Response saveAgreement(Account member, Map<String, Object> input) {
		return as(member)
			.document("mutation($input: SaveAgreementInput!) { saveAgreement(input: $input) { agreement { "
					+ AGREEMENT_FIELDS + " } mentorship { id status } } }")
			.variable("input", input)
			.execute();
	}

	GraphQlTester.Response submitAgreement(Account member, UUID mentorshipId) {
		return as(member)
			.document("mutation($id: ID!) { submitAgreement(input: {mentorshipId: $id}) { agreement { "
					+ AGREEMENT_FIELDS + " } } }")
			.variable("id", mentorshipId)
			.execute();
	}

	GraphQlTester.Response decideAgreement(Account member, String mutation, UUID mentorshipId, int version,
			String comment) {
		var input = new java.util.HashMap<String, Object>();
		input.put("mentorshipId", mentorshipId);
		input.put("version", version);
		if (comment != null) {
			input.put("comment", comment);
		}
		return as(member)
			.document("mutation($input: AgreementDecisionInput!) { " + mutation + "(input: $input) { agreement { "
					+ AGREEMENT_FIELDS + " } mentorship { id status } } }")
			.variable("input", input)
			.execute();
	}

	/**
	 * Mentorship rows and the engine's runtime rows: a refused request must not change
	 * any of them.
	 */
	long[] footprint() {
		return new long[] { count("mentorships"), count("ACT_RU_EXECUTION"), count("ACT_RU_TASK"), count("ACT_RU_JOB"),
				count("ACT_RU_VARIABLE") };
	}

}
