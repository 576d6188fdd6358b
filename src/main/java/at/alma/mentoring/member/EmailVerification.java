package at.alma.mentoring.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One verification link mailed to an address: the address signed up with, or the new
 * address of a {@code changeEmail}. Usable once, until it expires.
 */
@Entity
@Table(name = "email_verifications")
class EmailVerification {

	@Id
	private UUID id;

	private UUID memberId;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String email;

	/** For a change: the address in force when it was asked for (it gets a notice). */
	private String previousEmail;

	private String tokenHash;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant usedAt;

	protected EmailVerification() {
	}

	EmailVerification(UUID id, UUID memberId, Kind kind, String email, String previousEmail, String tokenHash,
			Instant createdAt, Instant expiresAt) {
		this.id = id;
		this.memberId = memberId;
		this.kind = kind;
		this.email = email;
		this.previousEmail = previousEmail;
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

	Kind getKind() {
		return this.kind;
	}

	String getEmail() {
		return this.email;
	}

	String getPreviousEmail() {
		return this.previousEmail;
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

	/** What the link verifies. */
	enum Kind {

		SIGN_UP, CHANGE

	}

}
