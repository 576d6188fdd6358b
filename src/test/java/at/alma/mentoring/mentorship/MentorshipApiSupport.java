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

	static void expectCode(GraphQlTester.Response response, String code) {
		response.errors().expect((error) -> code.equals(error.getExtensions().get("code"))).verify();
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
