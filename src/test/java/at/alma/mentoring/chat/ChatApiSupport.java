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

}
