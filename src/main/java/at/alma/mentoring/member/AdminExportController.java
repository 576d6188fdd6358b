package at.alma.mentoring.member;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;
import at.alma.mentoring.privacy.MemberExport;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * {@code POST /api/admin/members/{id}/export} with {@code {"reason": "…"}}: the member's
 * export ZIP for an admin answering the member's request ({@link AdminExports}). Bearer
 * token like every {@code /api/**} download; anyone but an admin gets 403 and nothing is
 * recorded. A POST, because it writes the admin action.
 */
@Controller
class AdminExportController {

	static final String PATH = "/api/admin/members/{id}/export";

	private static final MediaType ZIP = new MediaType("application", "zip");

	private final AdminExports exports;

	private final MemberExport export;

	private final CurrentMember currentMember;

	AdminExportController(AdminExports exports, MemberExport export, CurrentMember currentMember) {
		this.exports = exports;
		this.export = export;
		this.currentMember = currentMember;
	}

	@PostMapping(PATH)
	ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestBody(required = false) ExportRequest request) {
		if (!this.currentMember.isAdmin()) {
			throw DomainException.forbidden("Only admins export another member's data");
		}
		this.exports.record(this.currentMember.id(), id, (request != null) ? request.reason() : null);
		return ResponseEntity.ok()
			.contentType(ZIP)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("alma-export-" + id + ".zip", StandardCharsets.UTF_8)
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(this.export.of(id));
	}

	/** A refusal as JSON with the code GraphQL would give: 400, 403 or 404. */
	@ExceptionHandler(DomainException.class)
	ResponseEntity<Map<String, String>> refused(DomainException ex) {
		HttpStatus status = switch (ex.getClassification()) {
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			default -> HttpStatus.BAD_REQUEST;
		};
		Map<String, String> body = (ex instanceof InvalidInputException invalid)
				? Map.of("code", ex.getCode(), "field", invalid.getField(), "message", ex.getMessage())
				: Map.of("code", ex.getCode(), "message", ex.getMessage());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	record ExportRequest(String reason) {
	}

}
