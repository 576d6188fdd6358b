package at.alma.mentoring.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import at.alma.mentoring.mentorship.MentorshipStatus;
import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;

/**
 * The chat between the two participants of an accepted mentorship; its id is the
 * mentorship's id. Only the two participants write, and only while the mentorship is
 * accepted or active; afterwards the conversation stays readable.
 */
@Entity
@Table(name = "conversations")
class Conversation {

	static final int MAX_TEXT_LENGTH = 4000;

	@Id
	private UUID mentorshipId;

	private UUID menteeId;

	private UUID mentorId;

	private Instant openedAt;

	protected Conversation() {
	}

	Conversation(UUID mentorshipId, UUID menteeId, UUID mentorId, Instant openedAt) {
		this.mentorshipId = mentorshipId;
		this.menteeId = menteeId;
		this.mentorId = mentorId;
		this.openedAt = openedAt;
	}

	/**
	 * A new message of {@code senderId}; refused when the text is blank or too long, or
	 * when the mentorship (in {@code status}) no longer takes messages.
	 */
	ChatMessage post(UUID senderId, String text, MentorshipStatus status, Clock clock) {
		if (!isParticipant(senderId)) {
			throw DomainException.notFound("Mentorship");
		}
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("input.text", "A message needs some text");
		}
		String body = text.strip();
		if (body.length() > MAX_TEXT_LENGTH) {
			throw new InvalidInputException("input.text",
					"A message may have at most " + MAX_TEXT_LENGTH + " characters");
		}
		if (status != MentorshipStatus.ACCEPTED && status != MentorshipStatus.ACTIVE) {
			throw DomainException.refused("CHAT_READ_ONLY",
					"The mentorship has ended; its chat can be read but takes no new messages");
		}
		return new ChatMessage(this.mentorshipId, senderId, body, clock.instant());
	}

	boolean isParticipant(UUID memberId) {
		return this.menteeId.equals(memberId) || this.mentorId.equals(memberId);
	}

	UUID otherThan(UUID memberId) {
		return this.menteeId.equals(memberId) ? this.mentorId : this.menteeId;
	}

	List<UUID> participants() {
		return List.of(this.menteeId, this.mentorId);
	}

	UUID getMentorshipId() {
		return this.mentorshipId;
	}

	Instant getOpenedAt() {
		return this.openedAt;
	}

}
