package at.alma.mentoring.meeting;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.camunda.bpm.engine.runtime.Job;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static at.alma.mentoring.Scenarios.calendarOf;
import static at.alma.mentoring.Scenarios.slot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meeting mails as their readers open them, in both languages (the mentee reads
 * English, the mentor German): who did what from the reader's side, times with their zone
 * in words, invitations as iMIP meeting requests, one mail per invitation round.
 */
class MeetingMailsTests extends ApiTest {

	static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");

	@BeforeEach
	void fixedTime() {
		this.clock.setTo(NOW);
	}

	Account mentee(String last) {
		return signUpWith("Emily", last, "EN", "Europe/Vienna", "MENTEE");
	}

	Account mentor(String last) {
		return signUpWith("Max", last, "DE", "Europe/Vienna", "MENTOR");
	}

	UUID scheduled(Account mentee, Account mentor, UUID mentorship, String start) {
		UUID meeting = this.scenarios.proposed(mentee, mentorship, slot(start));
		this.scenarios.schedule(mentor, meeting, 0)
			.path("scheduleMeeting.meeting.status")
			.entity(String.class)
			.isEqualTo("SCHEDULED");
		return meeting;
	}

	@Test
	void aCompletedMentorshipCancelsItsMeetingInTheReadersWordsWithoutACanceller() throws Exception {
		Account mentee = mentee("Ende");
		Account mentor = mentor("Huber");
		UUID mentorship = active(mentee, mentor);
		UUID meeting = scheduled(mentee, mentor, mentorship, "2027-03-10T10:00Z");
		runJobs(mentorship);
		mail.purge();
		as(mentee).documentName("proposeClosure").variable("input", Map.of("mentorshipId", mentorship)).execute();
		as(mentor).documentName("confirmClosure")
			.variable("input", Map.of("mentorshipId", mentorship))
			.execute()
			.path("confirmClosure.mentorship.status")
			.entity(String.class)
			.isEqualTo("COMPLETED");
		runJobs(mentorship);

		MimeMessage toMentee = only(mentee, "Meeting with Max Huber cancelled");
		assertThat(TestMailServer.text(toMentee)).startsWith("Dear Emily Ende,")
			.contains("Your mentorship with Max Huber is completed, so this meeting no longer takes place:")
			.contains(
					"takes place:\r\n\r\nWednesday, March 10, 2027, 11:00 AM (Vienna time), 60 minutes, video call\r\n")
			.doesNotContain("null");
		MimeMessage toMentor = only(mentor, "Treffen mit Emily Ende abgesagt");
		assertThat(TestMailServer.text(toMentor)).startsWith("Guten Tag Max Huber,")
			.contains("Ihr Mentorship mit Emily Ende ist abgeschlossen, daher findet dieses Treffen nicht mehr statt:")
			.contains("statt:\r\n\r\nMittwoch, 10. März 2027, 11:00 Uhr (Wiener Zeit), 60 Minuten, Videotreffen\r\n")
			.doesNotContain("null")
			.doesNotContain("The mentorship")
			.doesNotContain("mentorship was");
		for (MimeMessage cancellation : List.of(toMentee, toMentor)) {
			assertThat(TestMailServer.html(cancellation)).doesNotContain("null").doesNotContain("completed.");
			Calendar calendar = calendarOf(cancellation);
			assertThat(calendar.getProperty("METHOD").get().getValue()).isEqualTo("CANCEL");
			VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
			assertThat(event.getUid().get().getValue()).isEqualTo("meeting-" + meeting + "@alma-mentoring");
			assertThat(event.getSequence().get().getValue()).isEqualTo("1");
		}
	}

	@Test
	void aTerminatedMentorshipSaysItEnded() {
		Account mentee = signUpWith("Erik", "Stopp", "DE", "Europe/Vienna", "MENTEE");
		Account mentor = signUpWith("Mia", "Short", "EN", "America/New_York", "MENTOR");
		UUID mentorship = accepted(mentee, mentor);
		scheduled(mentee, mentor, mentorship, "2027-03-10T15:00Z");
		runJobs(mentorship);
		mail.purge();
		as(mentor).documentName("terminateMentorship")
			.variable("input", Map.of("mentorshipId", mentorship, "reason", "Moving abroad"))
			.execute()
			.path("terminateMentorship.mentorship.status")
			.entity(String.class)
			.isEqualTo("TERMINATED");
		runJobs(mentorship);
		assertThat(TestMailServer.text(only(mentee, "Treffen mit Mia Short abgesagt")))
			.contains("Ihr Mentorship mit Mia Short wurde beendet, daher findet dieses Treffen nicht mehr statt:")
			.contains("Mittwoch, 10. März 2027, 16:00 Uhr (Wiener Zeit)")
			.doesNotContain("null");
		assertThat(TestMailServer.text(only(mentor, "Meeting with Erik Stopp cancelled")))
			.contains("Your mentorship with Erik Stopp has ended, so this meeting no longer takes place:")
			.contains("Wednesday, March 10, 2027, 10:00 AM (New York time)")
			.doesNotContain("null");
	}

	@Test
	void theCancellerReadsYouCancelledTheOtherSideReadsWhoCancelled() {
		Account mentee = mentee("Sanders");
		Account mentor = mentor("Brandl");
		UUID mentorship = accepted(mentee, mentor);
		UUID first = scheduled(mentee, mentor, mentorship, "2027-03-10T10:00Z");
		UUID second = scheduled(mentee, mentor, mentorship, "2027-03-17T10:00Z");
		runJobs(mentorship);
		mail.purge();
		this.scenarios.meetingMutation(mentee, "cancelMeeting", Map.of("meetingId", first, "reason", "I am ill"));
		runJobs(mentorship);
		assertThat(TestMailServer.text(only(mentee, "You cancelled your meeting with Max Brandl")))
			.contains("You cancelled your meeting with Max Brandl. We sent Max Brandl your message:")
			.contains("I am ill")
			.doesNotContain("Emily Sanders cancelled");
		assertThat(TestMailServer.text(only(mentor, "Emily Sanders hat Ihr Treffen abgesagt")))
			.contains("Emily Sanders hat Ihr Treffen abgesagt und schreibt:")
			.contains("I am ill")
			.contains("Abgesagt: Mittwoch, 10. März 2027, 11:00 Uhr (Wiener Zeit)");

		mail.purge();
		this.scenarios.meetingMutation(mentor, "cancelMeeting",
				Map.of("meetingId", second, "reason", "Ich bin verreist"));
		runJobs(mentorship);
		assertThat(TestMailServer.text(only(mentor, "Sie haben Ihr Treffen mit Emily Sanders abgesagt"))).contains(
				"Sie haben Ihr Treffen mit Emily Sanders abgesagt. Wir haben Emily Sanders Ihre Nachricht geschickt:")
			.doesNotContain("Max Brandl hat");
		assertThat(TestMailServer.text(only(mentee, "Max Brandl cancelled your meeting")))
			.contains("Max Brandl cancelled your meeting and wrote:")
			.contains("Ich bin verreist")
			.contains("Cancelled: Wednesday, March 17, 2027, 11:00 AM (Vienna time)");
	}

	/**
	 * Moved twice before any mail job ran; the jobs of one meeting run oldest round
	 * first, the other's newest first: every round goes out once, with its own SEQUENCE,
	 * time and key, and no job fails.
	 */
	@Test
	void eachRoundOfAnInvitationIsSentOnceWithItsOwnSequenceWhateverTheJobOrder() throws Exception {
		Account mentee = mentee("Rounds");
		Account mentor = mentor("Runde");
		UUID mentorship = accepted(mentee, mentor);
		mail.purge();
		for (boolean newestFirst : new boolean[] { false, true }) {
			UUID meeting = scheduled(mentee, mentor, mentorship, "2027-03-10T10:00Z");
			for (String start : List.of("2027-03-11T10:00Z", "2027-03-12T10:00Z")) {
				this.scenarios.meetingMutation(mentee, "rescheduleMeeting",
						Map.of("meetingId", meeting, "slots", List.of(slot(start))));
				this.scenarios.schedule(mentor, meeting, 0);
			}
			List<Job> invitations = dueJobs(mentorship).stream()
				.filter((job) -> String.valueOf(this.runtimeService.getVariable(job.getProcessInstanceId(), "mail"))
					.equals("MEETING_SCHEDULED"))
				.sorted(Comparator.comparing((Job job) -> sequence(job)))
				.toList();
			assertThat(invitations).hasSize(6);
			List<Job> order = new ArrayList<>(invitations);
			if (newestFirst) {
				Collections.reverse(order);
			}
			for (Job job : order) {
				this.managementService.executeJob(job.getId());
			}
			runJobs(mentorship);
			assertThat(this.managementService.createJobQuery().withException().list()).isEmpty();
			for (Account reader : List.of(mentee, mentor)) {
				List<MimeMessage> mails = mail.to(reader.email())
					.stream()
					.filter((message) -> uid(message).equals("meeting-" + meeting + "@alma-mentoring"))
					.toList();
				assertThat(mails).extracting(MeetingMailsTests::sequenceOf).containsExactlyInAnyOrder("0", "1", "2");
				for (MimeMessage message : mails) {
					VEvent event = calendarOf(message).<VEvent>getComponents("VEVENT").get(0);
					String day = switch (event.getSequence().get().getValue()) {
						case "0" -> "20270310T110000";
						case "1" -> "20270311T110000";
						default -> "20270312T110000";
					};
					assertThat(event.getDateTimeStart().get().getValue()).isEqualTo(day);
				}
			}
			assertThat(this.jdbc.queryForList("select mail_key from sent_mails where mail_key like ?", String.class,
					"meeting-scheduled/" + meeting + "/%"))
				.hasSize(6);
			assertThat(this.jdbc.queryForList("select mail_key from sent_mails where mail_key like ?", String.class,
					"meeting-proposed/" + meeting + "/%"))
				.extracting((key) -> key.split("/")[2])
				.containsExactlyInAnyOrder("p1", "p2", "p3");
		}
		// the second round, as the mentee reads it: moved, from when to when
		MimeMessage moved = mail.to(mentee.email())
			.stream()
			.filter((message) -> sequenceOf(message).equals("1"))
			.findFirst()
			.orElseThrow();
		assertThat(moved.getSubject()).isEqualTo("Meeting with Max Runde moved");
		assertThat(TestMailServer.text(moved)).contains("Your meeting with Max Runde has been moved.")
			.contains("Before: Wednesday, March 10, 2027, 11:00 AM (Vienna time)")
			.contains("Now: Thursday, March 11, 2027, 11:00 AM (Vienna time), 60 minutes, video call");
		MimeMessage verschoben = mail.to(mentor.email())
			.stream()
			.filter((message) -> sequenceOf(message).equals("2"))
			.findFirst()
			.orElseThrow();
		assertThat(verschoben.getSubject()).isEqualTo("Treffen mit Emily Rounds verschoben");
		assertThat(TestMailServer.text(verschoben))
			.contains("Bisher: Donnerstag, 11. März 2027, 11:00 Uhr (Wiener Zeit)")
			.contains("Neu: Freitag, 12. März 2027, 11:00 Uhr (Wiener Zeit), 60 Minuten, Videotreffen");
	}

	/** New times for a scheduled meeting read as a move, from the side of who asked. */
	@Test
	void newTimesForAScheduledMeetingSayWhoWantsToMoveIt() {
		Account mentee = signUpWith("Theo", "Zeit", "DE", "Europe/Vienna", "MENTEE");
		Account mentor = signUpWith("Olivia", "Move", "EN", "Europe/London", "MENTOR");
		UUID mentorship = accepted(mentee, mentor);
		UUID meeting = scheduled(mentee, mentor, mentorship, "2027-03-10T10:00Z");
		runJobs(mentorship);
		mail.purge();
		this.scenarios.meetingMutation(mentor, "rescheduleMeeting",
				Map.of("meetingId", meeting, "slots", List.of(slot("2027-03-11T10:00Z"))));
		runJobs(mentorship);
		assertThat(TestMailServer.text(only(mentor, "New times for your meeting with Theo Zeit")))
			.contains("You asked to move your meeting with Theo Zeit and proposed these times.")
			.contains("- Thursday, March 11, 2027, 10:00 AM (London time), 60 minutes, video call")
			.contains("Until now: Wednesday, March 10, 2027, 10:00 AM (London time)")
			.doesNotContain("Theo Zeit would like");
		this.scenarios.schedule(mentor, meeting, 0);
		mail.purge();
		this.scenarios.meetingMutation(mentee, "rescheduleMeeting",
				Map.of("meetingId", meeting, "slots", List.of(slot("2027-03-12T10:00Z"))));
		runJobs(mentorship);
		assertThat(TestMailServer.text(only(mentor, "New times for your meeting with Theo Zeit")))
			.contains("Theo Zeit would like to move your meeting and proposes these times.")
			.contains("Until now: Thursday, March 11, 2027, 10:00 AM (London time)");
	}

	@Test
	void anInvitationIsAMeetingRequestOfTheMessageBody() throws Exception {
		Account mentee = mentee("Mime");
		Account mentor = mentor("Körber");
		UUID mentorship = accepted(mentee, mentor);
		mail.purge();
		scheduled(mentee, mentor, mentorship, "2027-03-10T10:00Z");
		runJobs(mentorship);
		for (Account reader : List.of(mentee, mentor)) {
			MimeMessage invitation = only(reader,
					reader.equals(mentee) ? "Meeting with Max Körber scheduled" : "Treffen mit Emily Mime vereinbart");
			assertThat(invitation.getHeader("Auto-Submitted")).containsExactly("auto-generated");
			assertThat(invitation.getContentType()).startsWith("multipart/alternative");
			MimeMultipart body = (MimeMultipart) invitation.getContent();
			assertThat(body.getCount()).isEqualTo(3);
			assertThat(type(body.getBodyPart(0))).startsWith("text/plain");
			assertThat(type(body.getBodyPart(1))).startsWith("text/html");
			assertThat(type(body.getBodyPart(2))).startsWith("text/calendar")
				.contains("method=REQUEST")
				.contains("charset=UTF-8");
			assertThat(body.getBodyPart(2).getDisposition()).isNull();

			String ics = TestMailServer.part(invitation, "text/calendar");
			for (String line : ics.split("\r\n")) {
				assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
			}
			Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
			VTimeZone zone = calendar.<VTimeZone>getComponent("VTIMEZONE").orElseThrow();
			assertThat(zone.getTimeZoneId().get().getValue()).isEqualTo("Europe/Vienna");
			assertThat(zone.getObservances()).hasSize(2);
			assertThat(ics).doesNotContain("1893").contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
			VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
			assertThat(event.getProperties("ATTENDEE")).hasSize(1);
			assertThat(event.getProperty("ATTENDEE").get().getValue()).isEqualTo("mailto:" + reader.email());
			assertThat(event.getProperty("ATTENDEE").get().getParameter("RSVP").get().getValue()).isEqualTo("FALSE");
			assertThat(event.getProperty("ORGANIZER").get().getValue()).startsWith("mailto:noreply@");

			// the video link: a link in the HTML part, the same words in the plain text
			assertThat(TestMailServer.html(invitation))
				.contains("<a href=\"https://meet.example.org/alma\">https://meet.example.org/alma</a>");
			assertThat(TestMailServer.text(invitation)).contains(reader.equals(mentee)
					? "video call: https://meet.example.org/alma" : "Videotreffen: https://meet.example.org/alma");
		}
		assertThat(TestMailServer.text(only(mentee, "Meeting with Max Körber scheduled")))
			.startsWith("Dear Emily Mime,")
			.contains("Your meeting with Max Körber is scheduled:")
			.contains("Wednesday, March 10, 2027, 11:00 AM (Vienna time), 60 minutes, video call");
		assertThat(TestMailServer.text(only(mentor, "Treffen mit Emily Mime vereinbart")))
			.startsWith("Guten Tag Max Körber,")
			.contains("Mittwoch, 10. März 2027, 11:00 Uhr (Wiener Zeit), 60 Minuten, Videotreffen");
	}

	private static String type(BodyPart part) {
		try {
			return part.getContentType();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int sequence(Job job) {
		String data = (String) this.runtimeService.getVariable(job.getProcessInstanceId(), "mailData");
		return Integer.parseInt(data.replaceAll(".*\"invitationSequence\":(\\d+).*", "$1"));
	}

	private static String uid(MimeMessage message) {
		try {
			return calendarOf(message).<VEvent>getComponents("VEVENT").get(0).getUid().get().getValue();
		}
		catch (Exception | AssertionError ex) {
			// not an invitation
			return "";
		}
	}

	private static String sequenceOf(MimeMessage message) {
		try {
			return calendarOf(message).<VEvent>getComponents("VEVENT").get(0).getSequence().get().getValue();
		}
		catch (Exception | AssertionError ex) {
			// not an invitation
			return "";
		}
	}

	private static MimeMessage only(Account reader, String subject) {
		List<MimeMessage> mails = mail.to(reader.email()).stream().filter((message) -> {
			try {
				return message.getSubject().equals(subject);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
		assertThat(mails).as("mails to %s with subject %s", reader.email(), subject).hasSize(1);
		return mails.get(0);
	}

}
