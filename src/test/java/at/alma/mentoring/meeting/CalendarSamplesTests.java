package at.alma.mentoring.meeting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.component.VEvent;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.TestMailServer;
import org.junit.jupiter.api.Test;

import static at.alma.mentoring.Scenarios.calendarOf;
import static at.alma.mentoring.Scenarios.slot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted mentorship whose calendar files and mails are kept for the checks outside
 * Java: each reader's invitations and cancellations in the order they were sent, both
 * feeds and {@code expected.json} go to {@code target/ical/} for {@code .ci/ical-check}
 * (a second, independent iCalendar parser, ical.js); the HTML part of every mail goes to
 * {@code target/mails/} for a look in a browser (docs/testing.md).
 */
class CalendarSamplesTests extends ApiTest {

	static final Path ICAL = Path.of("target", "ical");

	static final Path MAILS = Path.of("target", "mails");

	@Test
	void aScriptedMentorshipLeavesItsCalendarFilesAndMailsForTheOutsideChecks() throws Exception {
		this.clock.setTo(Instant.parse("2027-03-01T08:00:00Z"));
		Account mentee = signUpWith("Jürgen", "Größlinger-Überreiter", "EN", "America/New_York", "MENTEE");
		Account mentor = signUpWith("Zoë", "Müller-Lüdenscheidt", "DE", "Europe/Vienna", "MENTOR");
		UUID mentorship = requested(mentee, mentor);
		runJobs(mentorship);
		this.scenarios.act(mentor, "acceptMentorshipRequest", mentorship);
		runJobs(mentorship);
		String place = "Besprechungsraum „Ölberg“, Universitätsstraße 7, 1010 Wien, Stiege 2, Tür 14 (Glastür)";
		UUID moved = this.scenarios.proposed(mentee, mentorship,
				Map.of("start", "2027-03-10T10:00Z", "durationMinutes", 90, "kind", "IN_PERSON", "place", place));
		runJobs(mentorship);
		this.scenarios.schedule(mentor, moved, 0);
		runJobs(mentorship);
		// across the change to summer time in New York (14 March) and Vienna (28 March)
		for (String start : List.of("2027-03-20T16:00Z", "2027-04-02T08:30Z")) {
			this.scenarios.meetingMutation(mentee, "rescheduleMeeting",
					Map.of("meetingId", moved, "slots", List.of(slot(start))));
			runJobs(mentorship);
			this.scenarios.schedule(mentor, moved, 0);
			runJobs(mentorship);
		}
		this.scenarios.meetingMutation(mentor, "cancelMeeting",
				Map.of("meetingId", moved, "reason", "Ich bin auf Dienstreise – bitte neu vorschlagen"));
		runJobs(mentorship);
		UUID phone = this.scenarios.proposed(mentee, mentorship,
				Map.of("start", "2027-11-02T14:00Z", "durationMinutes", 30, "kind", "PHONE"));
		runJobs(mentorship);
		this.scenarios.schedule(mentor, phone, 0);
		runJobs(mentorship);

		clean(ICAL);
		var expected = new StringBuilder("{\n");
		for (Account reader : List.of(mentee, mentor)) {
			String name = reader.equals(mentee) ? "mentee" : "mentor";
			List<String> files = new ArrayList<>();
			for (MimeMessage message : mail.to(reader.email())) {
				String ics;
				try {
					ics = TestMailServer.part(message, "text/calendar");
				}
				catch (AssertionError notAnInvitation) {
					continue;
				}
				VEvent event = calendarOf(message).<VEvent>getComponents("VEVENT").get(0);
				String file = name + "-" + (files.size() + 1) + ".ics";
				Files.writeString(ICAL.resolve(file), ics, StandardCharsets.UTF_8);
				files.add("{\"file\": \"" + file + "\", \"method\": \""
						+ calendarOf(message).getProperty("METHOD").get().getValue() + "\", \"uid\": \""
						+ event.getUid().get().getValue() + "\", \"sequence\": " + event.getSequence().get().getValue()
						+ ", \"start\": \"" + instant(event) + "\"}");
			}
			assertThat(files).hasSize(5);
			String feed = feed(reader);
			Files.writeString(ICAL.resolve(name + "-feed.ics"), feed, StandardCharsets.UTF_8);
			expected.append("  \"")
				.append(name)
				.append("\": {\"invitations\": [\n    ")
				.append(String.join(",\n    ", files))
				.append("\n  ], \"feed\": {\"file\": \"")
				.append(name)
				.append("-feed.ics\", \"name\": \"")
				.append(reader.equals(mentee) ? "alma mentoring: my meetings" : "alma Mentoring: meine Treffen")
				.append("\", \"starts\": [\"2027-11-02T14:00:00Z\"]}}")
				.append(reader.equals(mentee) ? ",\n" : "\n");
		}
		expected.append("}\n");
		Files.writeString(ICAL.resolve("expected.json"), expected, StandardCharsets.UTF_8);

		// the end of the mentorship cancels the phone meeting: the last mails for the
		// look
		as(mentor).documentName("terminateMentorship")
			.variable("input", Map.of("mentorshipId", mentorship, "reason", "Zu wenig Zeit"))
			.execute();
		runJobs(mentorship);
		clean(MAILS);
		int n = 0;
		for (MimeMessage message : mail.received()) {
			String to = message.getAllRecipients()[0].toString().contains(mentee.email()) ? "en" : "de";
			Files.writeString(
					MAILS.resolve(String.format("%02d-%s-%s.html", ++n, to,
							message.getSubject().replaceAll("[^A-Za-z0-9]+", "-"))),
					TestMailServer.html(message), StandardCharsets.UTF_8);
		}
		assertThat(n).isGreaterThan(15);
	}

	/**
	 * The start as java.time reads DTSTART and its TZID (ical4j's own zone rules are not
	 * trusted here: they were an hour off once).
	 */
	private static Instant instant(VEvent event) {
		var start = event.getDateTimeStart().get();
		return LocalDateTime.parse(start.getValue(), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
			.atZone(ZoneId.of(start.getParameter("TZID").get().getValue()))
			.toInstant();
	}

	private String feed(Account reader) {
		String url = as(reader).document("mutation { rotateCalendarFeed { calendarFeedUrl } }")
			.execute()
			.path("rotateCalendarFeed.calendarFeedUrl")
			.entity(String.class)
			.get();
		byte[] body = http().get()
			.uri(url.substring(url.indexOf("/calendar/")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		return new String(body, StandardCharsets.UTF_8);
	}

	private static void clean(Path directory) throws IOException {
		Files.createDirectories(directory);
		try (var files = Files.list(directory)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
	}

}
