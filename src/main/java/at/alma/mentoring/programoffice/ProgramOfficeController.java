package at.alma.mentoring.programoffice;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;
import at.alma.mentoring.platform.Paging;
import at.alma.mentoring.programoffice.ProgramFigures.ProgramMonth;
import at.alma.mentoring.programoffice.StalledMentorships.StalledMentorship;

import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The program office's queries and downloads, for admins only. The downloads take the
 * bearer token like the certificate download ({@code /api/**} needs a signed-in member);
 * anyone but an admin gets 403.
 */
@Controller
class ProgramOfficeController {

	static final String REPORT_PATH = "/api/program-office/report";

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final ProgramStatistics statistics;

	private final StalledMentorships stalled;

	private final ProgramReport report;

	private final CurrentMember currentMember;

	ProgramOfficeController(ProgramStatistics statistics, StalledMentorships stalled, ProgramReport report,
			CurrentMember currentMember) {
		this.statistics = statistics;
		this.stalled = stalled;
		this.report = report;
		this.currentMember = currentMember;
	}

	@QueryMapping
	ProgramFigures programStatistics(@Argument LocalDate from, @Argument LocalDate to) {
		requireAdmin();
		return this.statistics.figures(new ProgramPeriod(from, to));
	}

	@QueryMapping
	List<ProgramMonth> programSeries(@Argument LocalDate from, @Argument LocalDate to) {
		requireAdmin();
		return this.statistics.series(new ProgramPeriod(from, to));
	}

	@QueryMapping
	Window<StalledMentorship> stalledMentorships(@Argument String olderThan, ScrollSubrange subrange) {
		requireAdmin();
		Duration age = duration(olderThan);
		int limit = Paging.limit(subrange).max();
		ScrollPosition position = Paging.position(subrange);
		int offset = (position instanceof OffsetScrollPosition offsetPosition && !offsetPosition.isInitial())
				? (int) offsetPosition.getOffset() + 1 : 0;
		List<StalledMentorship> page = this.stalled.olderThan(age, offset, limit + 1);
		boolean hasNext = page.size() > limit;
		List<StalledMentorship> content = hasNext ? page.subList(0, limit) : page;
		return Window.from(content, (index) -> ScrollPosition.offset(offset + index), hasNext);
	}

	@GetMapping(REPORT_PATH + ".pdf")
	ResponseEntity<byte[]> pdf(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "de") String language) {
		if (!this.currentMember.isAdmin()) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		Locale locale = "en".equalsIgnoreCase(language) ? Locale.ENGLISH : Locale.GERMAN;
		ProgramPeriod period = new ProgramPeriod(from, to);
		byte[] pdf = this.report.render(this.statistics.figures(period), this.statistics.series(period), locale);
		return download(pdf, MediaType.APPLICATION_PDF, fileName(period, "pdf"));
	}

	@GetMapping(REPORT_PATH + ".csv")
	ResponseEntity<byte[]> csv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		if (!this.currentMember.isAdmin()) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		ProgramPeriod period = new ProgramPeriod(from, to);
		byte[] csv = ProgramCsv.of(this.statistics.figures(period), this.statistics.series(period));
		return download(csv, CSV, fileName(period, "csv"));
	}

	/** A refused period on a download: 400 with the same code as in GraphQL. */
	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Map<String, String>> invalid(InvalidInputException ex) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("code", ex.getCode(), "field", ex.getField(), "message", ex.getMessage()));
	}

	private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String fileName) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(content);
	}

	private static String fileName(ProgramPeriod period, String extension) {
		return "program-report-" + period.from() + "-" + period.to() + "." + extension;
	}

	private void requireAdmin() {
		this.currentMember.id();
		if (!this.currentMember.isAdmin()) {
			throw DomainException.forbidden("Only admins read the program's figures");
		}
	}

	private static Duration duration(String olderThan) {
		try {
			Duration duration = Duration.parse(olderThan);
			if (duration.isNegative()) {
				throw new InvalidInputException("olderThan", "olderThan must not be negative");
			}
			return duration;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("olderThan", "olderThan is an ISO-8601 duration such as P7D");
		}
	}

}
