package at.alma.mentoring.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import at.alma.mentoring.member.Language;

/**
 * The Urkunde of one member for one completed mentorship: what it says (as printed) and
 * its verification code. The PDF itself is stored beside it
 * ({@code certificate_documents}), so every server node can serve it.
 */
@Entity
@Table(name = "certificates")
class Certificate {

	@Id
	private UUID id;

	private UUID mentorshipId;

	private UUID memberId;

	@Enumerated(EnumType.STRING)
	private CertificateRole role;

	private String verificationCode;

	private String holderName;

	private String otherName;

	private LocalDate periodStart;

	private LocalDate periodEnd;

	private int meetingsHeld;

	private LocalDate issuedOn;

	@Enumerated(EnumType.STRING)
	private Language language;

	private Instant createdAt;

	/**
	 * Set when its holder deleted their account: it verifies as revoked, without the
	 * holder's name, and has no PDF any more.
	 */
	private Instant revokedAt;

	protected Certificate() {
	}

	Certificate(UUID mentorshipId, UUID memberId, CertificateRole role, String verificationCode, String holderName,
			String otherName, LocalDate periodStart, LocalDate periodEnd, int meetingsHeld, LocalDate issuedOn,
			Language language, Instant now) {
		this.id = UUID.randomUUID();
		this.mentorshipId = mentorshipId;
		this.memberId = memberId;
		this.role = role;
		this.verificationCode = verificationCode;
		this.holderName = holderName;
		this.otherName = otherName;
		this.periodStart = periodStart;
		this.periodEnd = periodEnd;
		this.meetingsHeld = meetingsHeld;
		this.issuedOn = issuedOn;
		this.language = language;
		this.createdAt = now;
	}

	UUID getId() {
		return this.id;
	}

	UUID getMentorshipId() {
		return this.mentorshipId;
	}

	UUID getMemberId() {
		return this.memberId;
	}

	CertificateRole getRole() {
		return this.role;
	}

	String getVerificationCode() {
		return this.verificationCode;
	}

	String getHolderName() {
		return this.holderName;
	}

	String getOtherName() {
		return this.otherName;
	}

	LocalDate getPeriodStart() {
		return this.periodStart;
	}

	LocalDate getPeriodEnd() {
		return this.periodEnd;
	}

	int getMeetingsHeld() {
		return this.meetingsHeld;
	}

	LocalDate getIssuedOn() {
		return this.issuedOn;
	}

	Language getLanguage() {
		return this.language;
	}

	/**
	 * Its holder deleted their account: the names go, the certificate verifies as
	 * revoked.
	 */
	void revoke(Instant now) {
		this.revokedAt = now;
		this.holderName = "";
		this.otherName = "";
	}

	/**
	 * The other side deleted their account: the certificate stays valid, naming them "a
	 * former member" in the certificate's language.
	 */
	void otherSideLeft() {
		this.otherName = (this.language == Language.DE) ? "einem ehemaligen Mitglied" : "a former member";
	}

	boolean isRevoked() {
		return this.revokedAt != null;
	}

}
