package at.alma.mentoring.chat;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The chat between the two participants of an accepted mentorship; its id is the
 * mentorship's id.
 */
@Entity
@Table(name = "conversations")
class Conversation {

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

	UUID getMentorshipId() {
		return this.mentorshipId;
	}

}
