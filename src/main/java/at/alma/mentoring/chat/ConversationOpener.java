package at.alma.mentoring.chat;

import java.time.Clock;

import at.alma.mentoring.mentorship.MentorshipAccepted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens the conversation when a request is accepted, in the accepting transaction (both
 * happen or neither). Idempotent: the conversation's id is the mentorship's.
 */
@Component
class ConversationOpener {

	private final Conversations conversations;

	private final ReadStates readStates;

	private final Clock clock;

	ConversationOpener(Conversations conversations, ReadStates readStates, Clock clock) {
		this.conversations = conversations;
		this.readStates = readStates;
		this.clock = clock;
	}

	@EventListener
	void on(MentorshipAccepted event) {
		if (!this.conversations.existsById(event.mentorshipId())) {
			Conversation conversation = this.conversations.saveAndFlush(
					new Conversation(event.mentorshipId(), event.menteeId(), event.mentorId(), this.clock.instant()));
			this.readStates.open(conversation.getMentorshipId(), conversation.participants());
		}
	}

}
