package at.alma.mentoring.chat;

import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.ApiTest;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Steps the chat tests need: an accepted mentorship (through the API, as a member would
 * get one) and the chat operations.
 */
abstract class ChatApiSupport extends ApiTest {

	static final String MESSAGE_FIELDS = "id mentorshipId text sentAt fromMe sender { id firstName }";

	UUID requested(Account mentee, Account mentor) {
		return UUID.fromString(as(mentee)
			.document("mutation($id: ID!) { requestMentorship(input: {mentorId: $id}) { mentorship { id } } }")
			.variable("id", mentor.id())
			.execute()
			.path("requestMentorship.mentorship.id")
			.entity(String.class)
			.get());
	}

	UUID accepted(Account mentee, Account mentor) {
		UUID id = requested(mentee, mentor);
		as(mentor).document(
				"mutation($id: ID!) { acceptMentorshipRequest(input: {mentorshipId: $id}) { mentorship { status } } }")
			.variable("id", id)
			.execute()
			.path("acceptMentorshipRequest.mentorship.status")
			.entity(String.class)
			.isEqualTo("ACCEPTED");
		runJobs(id);
		return id;
	}

	GraphQlTester.Response send(Account member, UUID mentorshipId, String text) {
		return as(member)
			.document("mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { " + MESSAGE_FIELDS
					+ " } } }")
			.variable("input", Map.of("mentorshipId", mentorshipId, "text", text))
			.execute();
	}

	String sendOk(Account member, UUID mentorshipId, String text) {
		return send(member, mentorshipId, text).path("sendMessage.message.id").entity(String.class).get();
	}

	int unreadCount(Account member, UUID mentorshipId) {
		return as(member).document("query($id: ID!) { mentorship(id: $id) { unreadCount } }")
			.variable("id", mentorshipId)
			.execute()
			.path("mentorship.unreadCount")
			.entity(Integer.class)
			.get();
	}

	static void expectCode(GraphQlTester.Response response, String code) {
		response.errors().expect((error) -> code.equals(error.getExtensions().get("code"))).verify();
	}

}
