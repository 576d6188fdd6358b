package at.alma.mentoring.chat;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One message of a conversation. Immutable once written; its id is a database sequence,
 * so ids order the messages of a conversation.
 */
@Entity
@Table(name = "chat_messages")
class ChatMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private UUID mentorshipId;

	private UUID senderId;

	@Column(name = "body")
	private String text;

	private Instant sentAt;

	/** The sender deleted their account: the text is gone, the row stays as a marker. */
	private boolean deleted;

	protected ChatMessage() {
	}

	ChatMessage(UUID mentorshipId, UUID senderId, String text, Instant sentAt) {
		this.mentorshipId = mentorshipId;
		this.senderId = senderId;
		this.text = text;
		this.sentAt = sentAt;
	}

	Long getId() {
		return this.id;
	}

	UUID getMentorshipId() {
		return this.mentorshipId;
	}

	UUID getSenderId() {
		return this.senderId;
	}

	boolean isDeleted() {
		return this.deleted;
	}

	String getText() {
		return this.text;
	}

	Instant getSentAt() {
		return this.sentAt;
	}

}
