package at.alma.mentoring.meeting;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.TestMailServer;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * GraphQL steps around meetings: an active (or accepted) mentorship, proposing,
 * scheduling, confirming.
 */
abstract class MeetingApiSupport extends ApiTest {

	static final String MEETING_FIELDS = "id status finalMeeting invitationSequence declineMessage cancelReason menteeConfirmedAt mentorConfirmedAt slots { index startsAt startsAtLocal timeZone kind } scheduled { startsAt startsAtLocal timeZone durationMinutes kind place link }";

	static Map<String, Object> slot(String start) {
		return Map.of("start", start, "durationMinutes", 60, "kind", "VIDEO", "link", "https://meet.example.org/alma");
	}

	GraphQlTester.Response propose(Account member, UUID mentorshipId, boolean finalMeeting, Object... slots) {
		return as(member)
			.document("mutation($input: ProposeMeetingInput!) { proposeMeeting(input: $input) { meeting { "
					+ MEETING_FIELDS + " } } }")
			.variable("input",
					Map.of("mentorshipId", mentorshipId, "slots", List.of(slots), "finalMeeting", finalMeeting))
			.execute();
	}

	UUID proposed(Account mentee, UUID mentorshipId, Object... slots) {
		return UUID.fromString(propose(mentee, mentorshipId, false, slots).path("proposeMeeting.meeting.id")
			.entity(String.class)
			.get());
	}

	GraphQlTester.Response meetingMutation(Account member, String mutation, Map<String, Object> input) {
		return as(member)
			.document("mutation($input: " + inputType(mutation) + "!) { " + mutation + "(input: $input) { meeting { "
					+ MEETING_FIELDS + " } } }")
			.variable("input", input)
			.execute();
	}

	GraphQlTester.Response schedule(Account mentor, UUID meetingId, int slot) {
		return meetingMutation(mentor, "scheduleMeeting", Map.of("meetingId", meetingId, "slot", slot));
	}

	GraphQlTester.Response confirm(Account member, UUID meetingId) {
		return meetingMutation(member, "confirmMeetingHeld", Map.of("meetingId", meetingId));
	}

	private static String inputType(String mutation) {
		return switch (mutation) {
			case "scheduleMeeting" -> "ScheduleMeetingInput";
			case "declineMeeting" -> "MeetingMessageInput";
			case "rescheduleMeeting" -> "RescheduleMeetingInput";
			case "cancelMeeting" -> "CancelMeetingInput";
			default -> "MeetingRefInput";
		};
	}

	/** The iCalendar attachment of a mail, parsed back with ical4j. */
	static Calendar calendarOf(MimeMessage message) throws Exception {
		String ics = TestMailServer.part(message, "text/calendar");
		return new CalendarBuilder().build(new StringReader(ics));
	}

}
