package at.alma.mentoring.feedback;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import at.alma.mentoring.platform.DomainException;

/**
 * A request to one member for feedback on one occasion; answerable once. Unique per
 * member, occasion and source, so an occasion never asks twice (inserted by
 * {@link FeedbackRequests#request}, which relies on that index).
 */
@Entity
@Table(name = "feedback_requests")
class FeedbackRequest {

	@Id
	private UUID id;

	private UUID memberId;

	private UUID mentorshipId;

	@Enumerated(EnumType.STRING)
	private FeedbackOccasion occasion;

	/**
	 * What the occasion is about: a meeting id, an inactivity period, a mentorship id.
	 */
	private String sourceKey;

	private Instant requestedAt;

	private Instant answeredAt;

	private Integer rating;

	private String answer;

	@Version
	private Long version;

	protected FeedbackRequest() {
	}

	void answer(int rating, String text, Instant now) {
		if (this.answeredAt != null) {
			throw DomainException.refused("ALREADY_ANSWERED", "This feedback was given already; thank you");
		}
		this.rating = rating;
		this.answer = (text == null || text.isBlank()) ? null : text.strip();
		this.answeredAt = now;
	}

	UUID getId() {
		return this.id;
	}

	UUID getMemberId() {
		return this.memberId;
	}

	UUID getMentorshipId() {
		return this.mentorshipId;
	}

	FeedbackOccasion getOccasion() {
		return this.occasion;
	}

	String getSourceKey() {
		return this.sourceKey;
	}

	Instant getRequestedAt() {
		return this.requestedAt;
	}

	Instant getAnsweredAt() {
		return this.answeredAt;
	}

	Integer getRating() {
		return this.rating;
	}

	String getAnswer() {
		return this.answer;
	}

}
