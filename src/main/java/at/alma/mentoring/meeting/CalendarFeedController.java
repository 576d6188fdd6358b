package at.alma.mentoring.meeting;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /calendar/{token}.ics}: the member's meetings for a calendar app; the secret
 * token is the key.
 */
@RestController
class CalendarFeedController {

	private final MeetingCalendar calendar;

	CalendarFeedController(MeetingCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<byte[]> feed(@PathVariable String token) {
		return this.calendar.feed(token)
			.map((body) -> ResponseEntity.ok()
				.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
				.header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
				.body(body))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
