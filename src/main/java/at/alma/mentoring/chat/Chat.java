package at.alma.mentoring.chat;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.mentorship.MentorshipStatus;
import at.alma.mentoring.mentorship.MentorshipDirectory;
import at.alma.mentoring.mentorship.MentorshipParties;
import at.alma.mentoring.platform.DomainException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing and reading the chat, always on behalf of a participant: whoever else asks
 * learns nothing, not even that the conversation exists.
 */
@Service
class Chat {

	private final Conversations conversations;

	private final ChatMessages messages;

	private final ReadStates readStates;

	private final MentorshipDirectory mentorships;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Chat(Conversations conversations, ChatMessages messages, ReadStates readStates, MentorshipDirectory mentorships,
			ApplicationEventPublisher events, Clock clock) {
		this.conversations = conversations;
		this.messages = messages;
		this.readStates = readStates;
		this.mentorships = mentorships;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	ChatMessage send(UUID senderId, UUID mentorshipId, String text) {
		Conversation conversation = ofParticipant(senderId, mentorshipId);
		MentorshipStatus status = this.mentorships.parties(mentorshipId)
			.map(MentorshipParties::status)
			.orElseThrow(() -> DomainException.notFound("Mentorship"));
		ChatMessage message = this.messages.saveAndFlush(conversation.post(senderId, text, status, this.clock));
		// a message is activity: it moves the mentorship's inactivity period
		this.mentorships.recordActivity(mentorshipId);
		this.events.publishEvent(new MessageSent(mentorshipId, message.getId(), senderId));
		return message;
	}

	/** Marks every message of the conversation as read by the member. */
	@Transactional
	void markRead(UUID memberId, UUID mentorshipId) {
		ofParticipant(memberId, mentorshipId);
		ChatMessage newest = this.messages.findFirstByMentorshipIdOrderByIdDesc(mentorshipId);
		if (newest != null) {
			this.readStates.markRead(mentorshipId, memberId, newest.getId());
		}
	}

	/**
	 * One page of the conversation, newest first, older than {@code beforeId}; one more
	 * than {@code limit} when there are more. Empty for a mentorship without a
	 * conversation (not accepted).
	 */
	@Transactional(readOnly = true)
	List<ChatMessage> page(UUID memberId, UUID mentorshipId, long beforeId, Limit limit) {
		return this.conversations.findById(mentorshipId)
			.filter((conversation) -> conversation.isParticipant(memberId))
			.map((conversation) -> this.messages.findByMentorshipIdAndIdLessThanOrderByIdDesc(mentorshipId, beforeId,
					limit))
			.orElse(List.of());
	}

	@Transactional(readOnly = true)
	Map<UUID, Integer> unreadCounts(UUID memberId, Collection<UUID> mentorshipIds) {
		return this.readStates.unreadCounts(memberId, mentorshipIds);
	}

	@Transactional(readOnly = true)
	int unreadCount(UUID memberId, UUID mentorshipId) {
		ofParticipant(memberId, mentorshipId);
		return this.readStates.unreadCounts(memberId, List.of(mentorshipId)).getOrDefault(mentorshipId, 0);
	}

	/** The conversation, if the member takes part in it; NOT_FOUND otherwise. */
	@Transactional(readOnly = true)
	Conversation ofParticipant(UUID memberId, UUID mentorshipId) {
		return this.conversations.findById(mentorshipId)
			.filter((conversation) -> conversation.isParticipant(memberId))
			.orElseThrow(() -> DomainException.notFound("Mentorship"));
	}

	@Transactional(readOnly = true)
	ChatMessage message(long messageId) {
		return this.messages.findById(messageId).orElseThrow(() -> DomainException.notFound("Message"));
	}

}
