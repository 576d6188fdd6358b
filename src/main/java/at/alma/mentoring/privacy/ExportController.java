package at.alma.mentoring.privacy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import at.alma.mentoring.platform.CurrentMember;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The member's export, a ZIP of everything the platform holds about them. Takes the
 * bearer token like the certificate download ({@code /api/**} needs a signed-in member; a
 * missing, expired or revoked token gets the 401 of docs/api.md); it only ever exports
 * the member the token belongs to.
 */
@Controller
class ExportController {

	static final String EXPORT_PATH = "/api/me/export";

	private static final MediaType ZIP = new MediaType("application", "zip");

	private final MemberExport export;

	private final CurrentMember currentMember;

	ExportController(MemberExport export, CurrentMember currentMember) {
		this.export = export;
		this.currentMember = currentMember;
	}

	@GetMapping(EXPORT_PATH)
	ResponseEntity<byte[]> export() {
		UUID memberId = this.currentMember.id();
		return ResponseEntity.ok()
			.contentType(ZIP)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("alma-export-" + memberId + ".zip", StandardCharsets.UTF_8)
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(this.export.of(memberId));
	}

}
