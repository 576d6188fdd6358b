package at.alma.mentoring.certificate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import at.alma.mentoring.platform.CurrentMember;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class CertificateController {

	static final String DOWNLOAD_PATH = "/api/certificates/";

	private final CertificateIssuing issuing;

	private final CurrentMember currentMember;

	CertificateController(CertificateIssuing issuing, CurrentMember currentMember) {
		this.issuing = issuing;
		this.currentMember = currentMember;
	}

	@SchemaMapping(typeName = "Me", field = "certificates")
	List<CertificateView> certificates() {
		return this.issuing.of(this.currentMember.id()).stream().map(CertificateView::of).toList();
	}

	/**
	 * Public: whether a code belongs to a genuine certificate, and whose it is (as
	 * printed).
	 */
	@QueryMapping
	CertificateVerification verifyCertificate(@Argument String code) {
		return this.issuing.verify(code)
			.map((certificate) -> new CertificateVerification(!certificate.isRevoked(), certificate.isRevoked(),
					certificate.isRevoked() ? null : certificate.getHolderName(), certificate.getRole().name(),
					certificate.getPeriodStart(), certificate.getPeriodEnd()))
			.orElseGet(() -> new CertificateVerification(false, false, null, null, null, null));
	}

	/** The PDF, for its owner only (bearer token); anyone else learns nothing (404). */
	@GetMapping(DOWNLOAD_PATH + "{id}")
	ResponseEntity<byte[]> download(@PathVariable UUID id) {
		return this.issuing.document(id, this.currentMember.id())
			.map((document) -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename(document.fileName(), StandardCharsets.UTF_8)
							.build()
							.toString())
				.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
				.body(document.content()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	record CertificateView(UUID id, UUID mentorshipId, String role, String otherName, LocalDate periodStart,
			LocalDate periodEnd, int meetingsHeld, LocalDate issuedOn, String verificationCode, String downloadUrl) {

		static CertificateView of(Certificate certificate) {
			return new CertificateView(certificate.getId(), certificate.getMentorshipId(), certificate.getRole().name(),
					certificate.getOtherName(), certificate.getPeriodStart(), certificate.getPeriodEnd(),
					certificate.getMeetingsHeld(), certificate.getIssuedOn(), certificate.getVerificationCode(),
					DOWNLOAD_PATH + certificate.getId());
		}

	}

	record CertificateVerification(boolean valid, boolean revoked, String holderName, String role,
			LocalDate periodStart, LocalDate periodEnd) {
	}

}
