package at.alma.mentoring.meeting;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A member's private calendar feed: whoever knows the token reads the member's meetings
 * (a calendar app cannot sign in). Rotating replaces the token, and the old URL answers
 * 404.
 */
@Entity
@Table(name = "calendar_feeds")
class CalendarFeed {

	private static final SecureRandom random = new SecureRandom();

	@Id
	private UUID memberId;

	private String token;

	private Instant createdAt;

	protected CalendarFeed() {
	}

	CalendarFeed(UUID memberId, Instant now) {
		this.memberId = memberId;
		rotate(now);
	}

	void rotate(Instant now) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.createdAt = now;
	}

	UUID getMemberId() {
		return this.memberId;
	}

	String getToken() {
		return this.token;
	}

}
