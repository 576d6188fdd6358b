package at.alma.mentoring.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One requested password reset: usable once, until it expires. */
@Entity
@Table(name = "password_resets")
class PasswordReset {

	@Id
	private UUID id;

	private UUID memberId;

	private String tokenHash;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant usedAt;

	protected PasswordReset() {
	}

	PasswordReset(UUID id, UUID memberId, String tokenHash, Instant createdAt, Instant expiresAt) {
		this.id = id;
		this.memberId = memberId;
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	UUID getId() {
		return this.id;
	}

	UUID getMemberId() {
		return this.memberId;
	}

	String getTokenHash() {
		return this.tokenHash;
	}

	Instant getExpiresAt() {
		return this.expiresAt;
	}

	Instant getUsedAt() {
		return this.usedAt;
	}

}
