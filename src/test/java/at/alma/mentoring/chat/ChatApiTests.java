package at.alma.mentoring.chat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.DomainEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat through /graphql: who may write and read, the history's paging, the read-only
 * rule after a mentorship ended, and unread counts.
 */
class ChatApiTests extends ApiTest {

	@Autowired
	DomainEvents events;

	@Test
	void participantsWriteAndReadTheConversation() {
		Account mentee = signUp("Mia", "Chat", "MENTEE");
		Account mentor = signUp("Otto", "Chat", "MENTOR");
		UUID id = accepted(mentee, mentor);

		GraphQlTester.Response sent = this.scenarios.send(mentee, id, "  Hello, when do we meet?  ");
		sent.path("sendMessage.message.text").entity(String.class).isEqualTo("Hello, when do we meet?");
		sent.path("sendMessage.message.fromMe").entity(Boolean.class).isEqualTo(true);
		sent.path("sendMessage.message.sender.firstName").entity(String.class).isEqualTo("Mia");
		sent.path("sendMessage.message.mentorshipId").entity(String.class).isEqualTo(id.toString());
		long messageId = Long.parseLong(sent.path("sendMessage.message.id").entity(String.class).get());
		this.scenarios.sendOk(mentor, id, "Tuesday?");

		GraphQlTester.Response history = as(mentor).documentName("messagesPage").variable("id", id).execute();
		history.path("mentorship.messages.edges[*].node.text")
			.entityList(String.class)
			.containsExactly("Tuesday?", "Hello, when do we meet?");
		history.path("mentorship.messages.edges[*].node.fromMe").entityList(Boolean.class).containsExactly(true, false);
		assertThat(this.events.of(MessageSent.class)).contains(new MessageSent(id, messageId, mentee.id()));
	}

	@Test
	void historyPagesNewestFirstWithACursorThatNewMessagesDoNotShift() {
		Account mentee = signUp("Mia", "Pages", "MENTEE");
		Account mentor = signUp("Otto", "Pages", "MENTOR");
		UUID id = accepted(mentee, mentor);
		for (int i = 1; i <= 5; i++) {
			this.scenarios.sendOk((i % 2 == 0) ? mentor : mentee, id, "message " + i);
		}

		GraphQlTester.Response first = as(mentee).documentName("messagesPage").variable("id", id).execute();
		first.path("mentorship.messages.edges[*].node.text")
			.entityList(String.class)
			.containsExactly("message 5", "message 4");
		first.path("mentorship.messages.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("mentorship.messages.pageInfo.endCursor").entity(String.class).get();

		// a message written meanwhile does not move the next page
		this.scenarios.sendOk(mentor, id, "message 6");
		GraphQlTester.Response second = as(mentee).documentName("messagesPage")
			.variable("id", id)
			.variable("after", cursor)
			.execute();
		second.path("mentorship.messages.edges[*].node.text")
			.entityList(String.class)
			.containsExactly("message 3", "message 2");
		cursor = second.path("mentorship.messages.pageInfo.endCursor").entity(String.class).get();

		GraphQlTester.Response last = as(mentee).documentName("messagesPage")
			.variable("id", id)
			.variable("after", cursor)
			.execute();
		last.path("mentorship.messages.edges[*].node.text").entityList(String.class).containsExactly("message 1");
		last.path("mentorship.messages.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

		expectCode(as(mentee)
			.document("query($id: ID!) { mentorship(id: $id) { messages(first: 500) { edges { cursor } } } }")
			.variable("id", id)
			.execute(), "INVALID_INPUT");
	}

	@Test
	void onlyTheTwoParticipantsWriteAndRead() {
		Account mentee = signUp("Mia", "Private", "MENTEE");
		Account mentor = signUp("Otto", "Private", "MENTOR");
		Account stranger = signUp("Eve", "Private", "MENTEE", "MENTOR");
		UUID id = accepted(mentee, mentor);
		this.scenarios.sendOk(mentee, id, "just between us");

		expectCode(this.scenarios.send(stranger, id, "let me in"), "NOT_FOUND");
		expectCode(as(stranger).documentName("markConversationRead").variable("id", id).execute(), "NOT_FOUND");
		expectCode(as(stranger)
			.document("query($id: ID!) { mentorship(id: $id) { messages { edges { node { text } } } } }")
			.variable("id", id)
			.execute(), "NOT_FOUND");
		expectCode(anonymous()
			.document("mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }")
			.variable("input", Map.of("mentorshipId", id, "text", "anonymous"))
			.execute(), "UNAUTHORIZED");
		assertThat(this.jdbc.queryForObject("select count(*) from chat_messages where mentorship_id = ?", Long.class,
				id.toString()))
			.isEqualTo(1);
	}

	@Test
	void thereIsNoChatBeforeTheRequestIsAccepted() {
		Account mentee = signUp("Mia", "Early", "MENTEE");
		Account mentor = signUp("Otto", "Early", "MENTOR");
		UUID id = requested(mentee, mentor);

		expectCode(this.scenarios.send(mentee, id, "are you there?"), "NOT_FOUND");
		GraphQlTester.Response mentorship = as(mentee)
			.document("query($id: ID!) { mentorship(id: $id) { unreadCount messages { edges { node { id } } } } }")
			.variable("id", id)
			.execute();
		mentorship.path("mentorship.messages.edges").entityList(Object.class).hasSize(0);
		mentorship.path("mentorship.unreadCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void refusesBlankAndOverlongTextAndStoresNothing() {
		Account mentee = signUp("Mia", "Input", "MENTEE");
		Account mentor = signUp("Otto", "Input", "MENTOR");
		UUID id = accepted(mentee, mentor);

		for (String text : List.of("", "   \n\t ", "x".repeat(Conversation.MAX_TEXT_LENGTH + 1))) {
			GraphQlTester.Response response = this.scenarios.send(mentee, id, text);
			response.errors()
				.expect((error) -> "INVALID_INPUT".equals(error.getExtensions().get("code"))
						&& "input.text".equals(error.getExtensions().get("field")))
				.verify();
		}
		this.scenarios.send(mentee, id, "y".repeat(Conversation.MAX_TEXT_LENGTH))
			.path("sendMessage.message.id")
			.hasValue();
		assertThat(this.jdbc.queryForObject("select count(*) from chat_messages where mentorship_id = ?", Long.class,
				id.toString()))
			.isEqualTo(1);
	}

	@Test
	void chatBecomesReadOnlyOnceTheMentorshipEnded() {
		Account mentee = signUp("Mia", "Ended", "MENTEE");
		Account mentor = signUp("Otto", "Ended", "MENTOR");
		UUID id = accepted(mentee, mentor);
		this.scenarios.sendOk(mentor, id, "Thanks for everything");
		for (String ended : List.of("COMPLETED", "TERMINATED")) {
			// no completion or termination exists yet: the mentorship module would set
			// this
			this.jdbc.update("update mentorships set status = ?, open_pair_key = null where id = ?", ended,
					id.toString());

			expectCode(this.scenarios.send(mentee, id, "one more thing"), "CHAT_READ_ONLY");
			expectCode(this.scenarios.send(mentor, id, "one more thing"), "CHAT_READ_ONLY");
			as(mentee).documentName("messagesPage")
				.variable("id", id)
				.execute()
				.path("mentorship.messages.edges[*].node.text")
				.entityList(String.class)
				.containsExactly("Thanks for everything");
		}
		assertThat(this.scenarios.unreadCount(mentee, id)).isEqualTo(1);
		as(mentee).documentName("markConversationRead")
			.variable("id", id)
			.execute()
			.path("markConversationRead.unreadCount")
			.entity(Integer.class)
			.isEqualTo(0);
	}

	@Test
	void countsUnreadMessagesPerConversationUntilMarkedRead() {
		Account mentee = signUp("Mia", "Unread", "MENTEE");
		Account otherMentee = signUp("Max", "Unread", "MENTEE");
		Account mentor = signUp("Otto", "Unread", "MENTOR");
		this.jdbc.update("update members set mentor_capacity = 2 where id = ?", mentor.id().toString());
		UUID first = accepted(mentee, mentor);
		UUID second = accepted(otherMentee, mentor);

		this.scenarios.sendOk(mentee, first, "one");
		this.scenarios.sendOk(mentee, first, "two");
		this.scenarios.sendOk(otherMentee, second, "three");
		this.scenarios.sendOk(mentor, first, "my own message is never unread for me");

		as(mentor).document("{ myMentorships { edges { node { id unreadCount } } } }")
			.execute()
			.path("myMentorships.edges[*].node.unreadCount")
			.entityList(Integer.class)
			.contains(2, 1)
			.hasSize(2);
		assertThat(this.scenarios.unreadCount(mentee, first)).isEqualTo(1);

		as(mentor).documentName("markConversationRead")
			.variable("id", first)
			.execute()
			.path("markConversationRead.unreadCount")
			.entity(Integer.class)
			.isEqualTo(0);
		assertThat(this.scenarios.unreadCount(mentor, first)).isZero();
		assertThat(this.scenarios.unreadCount(mentor, second)).isEqualTo(1);

		this.scenarios.sendOk(mentee, first, "four");
		assertThat(this.scenarios.unreadCount(mentor, first)).isEqualTo(1);
	}

}
