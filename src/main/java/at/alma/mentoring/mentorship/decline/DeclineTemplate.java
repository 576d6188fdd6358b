package at.alma.mentoring.mentorship.decline;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A mentor's own standard text for declining requests. Placeholders ({menteeFirstName},
 * {mentorFirstName}, …) are filled in literally; the text is never evaluated as a
 * template.
 */
@Entity
@Table(name = "decline_templates")
class DeclineTemplate {

	@Id
	private UUID mentorId;

	@Column(name = "body")
	private String text;

	private Instant updatedAt;

	protected DeclineTemplate() {
	}

	DeclineTemplate(UUID mentorId, String text, Instant now) {
		this.mentorId = mentorId;
		change(text, now);
	}

	void change(String text, Instant now) {
		this.text = text;
		this.updatedAt = now;
	}

	String getText() {
		return this.text;
	}

}
