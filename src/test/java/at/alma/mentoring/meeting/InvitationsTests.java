package at.alma.mentoring.meeting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import at.alma.mentoring.member.Language;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.member.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The iCalendar writer with member text the API refuses today but the database may hold
 * from before: nothing of it may start a property of its own.
 */
class InvitationsTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-01T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void controlCharactersInNamesAndPlacesCannotStartAProperty() {
		UUID mentee = UUID.randomUUID();
		UUID mentor = UUID.randomUUID();
		Meeting meeting = new Meeting(UUID.randomUUID(), mentee, mentor,
				List.of(new Slot(Instant.parse("2027-02-01T10:00:00Z"), 60, MeetingKind.IN_PERSON, "Room 1", null,
						"input.slots[0]")),
				false, CLOCK);
		meeting.schedule(mentor, 0, CLOCK);
		MemberSummary evil = new MemberSummary(mentee, "mentee@alma.test", "Rolf\r\nATTENDEE:mailto:evil@evil.test",
				"\"Quote\u0000\rX", null, Language.EN, ZoneId.of("Europe/Vienna"), Set.of(Role.MENTEE));
		MemberSummary other = new MemberSummary(mentor, "mentor@alma.test", "Mona", "Tor", null, Language.EN,
				ZoneId.of("Europe/Vienna"), Set.of(Role.MENTOR));
		for (byte[] ics : List.of(
				Invitations.request(meeting, evil, other, ZoneId.of("Europe/Vienna"), CLOCK.instant(),
						"noreply@a.test"),
				Invitations.feed(List.of(meeting), java.util.Map.of(mentee, evil, mentor, other),
						ZoneId.of("Europe/Vienna"), CLOCK.instant(), "noreply@a.test"))) {
			String text = new String(ics, StandardCharsets.UTF_8);
			assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u0000");
			assertThat(text.split("\r\n")).noneMatch((line) -> line.startsWith("ATTENDEE:mailto:evil"))
				.noneMatch((line) -> line.startsWith("X\""));
		}
	}

}
