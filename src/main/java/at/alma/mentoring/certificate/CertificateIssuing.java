package at.alma.mentoring.certificate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import at.alma.mentoring.meeting.MeetingStatistics;
import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.mentorship.MentorshipDirectory;
import at.alma.mentoring.mentorship.MentorshipInfo;
import at.alma.mentoring.mentorship.MentorshipStatus;
import at.alma.mentoring.platform.DomainException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, stores and serves the certificates. Issuing is idempotent: one certificate per
 * member and mentorship (also enforced by a unique index), so a re-run of the issuing job
 * changes nothing.
 */
@Service
class CertificateIssuing {

	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom random = new SecureRandom();

	private final Certificates certificates;

	private final CertificateRenderer renderer;

	private final MentorshipDirectory mentorships;

	private final MemberDirectory members;

	private final MeetingStatistics meetings;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	CertificateIssuing(Certificates certificates, CertificateRenderer renderer, MentorshipDirectory mentorships,
			MemberDirectory members, MeetingStatistics meetings, JdbcTemplate jdbc, Clock clock) {
		this.certificates = certificates;
		this.renderer = renderer;
		this.mentorships = mentorships;
		this.members = members;
		this.meetings = meetings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Issues the certificate of each side of a completed mentorship that does not have
	 * one yet.
	 */
	@Transactional
	int issue(UUID mentorshipId) {
		MentorshipInfo mentorship = this.mentorships.find(mentorshipId)
			.orElseThrow(() -> DomainException.notFound("Mentorship"));
		if (mentorship.status() != MentorshipStatus.COMPLETED) {
			throw new IllegalStateException("Certificates are issued for completed mentorships only");
		}
		MemberSummary mentee = this.members.get(mentorship.menteeId());
		MemberSummary mentor = this.members.get(mentorship.mentorId());
		int held = this.meetings.heldCount(mentorshipId);
		int issued = 0;
		for (MemberSummary holder : List.of(mentee, mentor)) {
			if (this.certificates.existsByMentorshipIdAndMemberId(mentorshipId, holder.id())) {
				continue;
			}
			MemberSummary other = (holder == mentee) ? mentor : mentee;
			Certificate certificate = new Certificate(mentorshipId, holder.id(),
					(holder == mentee) ? CertificateRole.MENTEE : CertificateRole.MENTOR, newCode(), holder.fullName(),
					other.fullName(), LocalDate.ofInstant(mentorship.activatedAt(), holder.zone()),
					LocalDate.ofInstant(mentorship.endedAt(), holder.zone()), held,
					LocalDate.ofInstant(this.clock.instant(), holder.zone()), holder.language(), this.clock.instant());
			this.certificates.saveAndFlush(certificate);
			this.jdbc.update("insert into certificate_documents (certificate_id, content) values (?, ?)",
					certificate.getId().toString(), this.renderer.render(certificate));
			issued++;
		}
		return issued;
	}

	/**
	 * A member who deletes their account: their own certificates are revoked (names gone,
	 * PDF deleted); the other side's certificates of their mentorships stay valid, name
	 * them "a former member" and are rendered again from the data, so the PDF no longer
	 * carries the name either (erasure wins over "as issued").
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	void erase(UUID memberId) {
		Instant now = this.clock.instant();
		for (Certificate own : this.certificates.findByMemberIdOrderByIssuedOnDesc(memberId)) {
			own.revoke(now);
			this.jdbc.update("delete from certificate_documents where certificate_id = ?", own.getId().toString());
		}
		for (Certificate other : this.certificates.findOfOtherSide(memberId)) {
			other.otherSideLeft();
			this.jdbc.update("update certificate_documents set content = ? where certificate_id = ?",
					this.renderer.render(other), other.getId().toString());
		}
		this.certificates.flush();
	}

	@Transactional(readOnly = true)
	List<Certificate> of(UUID memberId) {
		return this.certificates.findByMemberIdOrderByIssuedOnDesc(memberId);
	}

	/** The PDF of a certificate, for its owner only. */
	@Transactional(readOnly = true)
	Optional<Document> document(UUID certificateId, UUID callerId) {
		return this.certificates.findById(certificateId)
			.filter((certificate) -> certificate.getMemberId().equals(callerId) && !certificate.isRevoked())
			.map((certificate) -> new Document(fileName(certificate),
					this.jdbc.queryForObject("select content from certificate_documents where certificate_id = ?",
							byte[].class, certificate.getId().toString())));
	}

	@Transactional(readOnly = true)
	Optional<Certificate> verify(String code) {
		if (code == null || code.length() > 40) {
			return Optional.empty();
		}
		return this.certificates.findByVerificationCode(code.strip().toUpperCase(Locale.ROOT));
	}

	private static String fileName(Certificate certificate) {
		String word = (certificate.getLanguage() == at.alma.mentoring.member.Language.DE) ? "Urkunde" : "Certificate";
		return word + "-" + certificate.getIssuedOn() + "-" + certificate.getVerificationCode() + ".pdf";
	}

	/** 16 characters from a 32-letter alphabet without look-alikes: 80 random bits. */
	static String newCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	record Document(String fileName, byte[] content) {
	}

}
