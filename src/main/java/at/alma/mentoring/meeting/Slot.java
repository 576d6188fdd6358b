package at.alma.mentoring.meeting;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import at.alma.mentoring.platform.InvalidInputException;
import at.alma.mentoring.platform.SingleLine;

/**
 * A proposed time for a meeting: start (UTC), length, and how (in person at a place, by
 * video with a link, by phone).
 */
@Embeddable
class Slot {

	static final int MAX_MINUTES = 8 * 60;

	private Instant startsAt;

	private int durationMinutes;

	@Enumerated(EnumType.STRING)
	private MeetingKind kind;

	private String place;

	private String link;

	protected Slot() {
	}

	Slot(Instant startsAt, int durationMinutes, MeetingKind kind, String place, String link, String field) {
		if (durationMinutes < 15 || durationMinutes > MAX_MINUTES) {
			throw new InvalidInputException(field + ".durationMinutes", "A meeting lasts 15 minutes to 8 hours");
		}
		if (kind == MeetingKind.IN_PERSON && (place == null || place.isBlank())) {
			throw new InvalidInputException(field + ".place", "An in-person meeting needs a place");
		}
		if (kind == MeetingKind.VIDEO && (link == null || !link.matches("https://\\S+"))) {
			throw new InvalidInputException(field + ".link", "A video meeting needs an https link");
		}
		if (!SingleLine.Check.isSingleLine(place)) {
			throw new InvalidInputException(field + ".place", "must be one line without control characters");
		}
		if (!SingleLine.Check.isSingleLine(link)) {
			throw new InvalidInputException(field + ".link", "must be one line without control characters");
		}
		if ((place != null && place.length() > 300) || (link != null && link.length() > 500)) {
			throw new InvalidInputException(field, "place or link is too long");
		}
		this.startsAt = startsAt;
		this.durationMinutes = durationMinutes;
		this.kind = kind;
		this.place = (place == null || place.isBlank()) ? null : place.strip();
		this.link = (link == null || link.isBlank()) ? null : link.strip();
	}

	Instant getStartsAt() {
		return this.startsAt;
	}

	Instant getEndsAt() {
		return this.startsAt.plus(Duration.ofMinutes(this.durationMinutes));
	}

	int getDurationMinutes() {
		return this.durationMinutes;
	}

	MeetingKind getKind() {
		return this.kind;
	}

	String getPlace() {
		return this.place;
	}

	String getLink() {
		return this.link;
	}

}
