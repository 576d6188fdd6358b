package at.alma.mentoring.meeting;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

import at.alma.mentoring.member.Language;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.member.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The iCalendar writer: member text the API refuses today but the database may hold from
 * before cannot start a property of its own; lines fold at 75 octets; the VTIMEZONE holds
 * what the events need and nothing more.
 */
class InvitationsTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-01T10:00:00Z"), ZoneOffset.UTC);

	private static final Invitations.Words WORDS = new Invitations.Words("Telefonat", "alma Mentoring: meine Treffen");

	private final UUID menteeId = UUID.randomUUID();

	private final UUID mentorId = UUID.randomUUID();

	private final MemberSummary mentor = new MemberSummary(this.mentorId, "mentor@alma.test", "Mona", "Tor", null,
			Language.EN, ZoneId.of("Europe/Vienna"), Set.of(Role.MENTOR));

	private Meeting meeting(MeetingKind kind, String place, String link) {
		Meeting meeting = new Meeting(UUID.randomUUID(), this.menteeId, this.mentorId,
				List.of(new Slot(Instant.parse("2027-02-01T10:00:00Z"), 60, kind, place, link, "input.slots[0]")),
				false, CLOCK);
		meeting.schedule(this.mentorId, 0, CLOCK);
		return meeting;
	}

	private MemberSummary mentee(String first, String last, String zone) {
		return new MemberSummary(this.menteeId, "mentee@alma.test", first, last, null, Language.DE, ZoneId.of(zone),
				Set.of(Role.MENTEE));
	}

	private byte[] request(Meeting meeting, MemberSummary mentee) {
		return Invitations.request(meeting, meeting.getScheduled(), 0, mentee, this.mentor, mentee, WORDS,
				CLOCK.instant(), "noreply@a.test");
	}

	@Test
	void controlCharactersInNamesAndPlacesCannotStartAProperty() {
		Meeting meeting = meeting(MeetingKind.IN_PERSON, "Room 1", null);
		MemberSummary evil = mentee("Rolf\r\nATTENDEE:mailto:evil@evil.test", "\"Quote\u0000\rX", "Europe/Vienna");
		for (byte[] ics : List.of(request(meeting, evil),
				Invitations.feed(List.of(meeting), Map.of(this.menteeId, evil, this.mentorId, this.mentor),
						ZoneId.of("Europe/Vienna"), WORDS, CLOCK.instant(), "noreply@a.test"))) {
			String text = new String(ics, StandardCharsets.UTF_8);
			assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u0000");
			assertThat(text.split("\r\n")).noneMatch((line) -> line.startsWith("ATTENDEE:mailto:evil"))
				.noneMatch((line) -> line.startsWith("X\""));
		}
	}

	@Test
	void linesFoldAtSeventyFiveOctetsNotCharacters() throws Exception {
		String umlauts = "Ä".repeat(120);
		Meeting meeting = meeting(MeetingKind.IN_PERSON, "Café " + umlauts, null);
		String text = new String(request(meeting, mentee("Jürgen", "Öztürk-Müller", "Europe/Vienna")),
				StandardCharsets.UTF_8);
		for (String line : text.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		assertThat(text).contains("\r\n Ä");
		// read back, the place is whole again
		Calendar calendar = new CalendarBuilder().build(new StringReader(text));
		assertThat(calendar.<VEvent>getComponents("VEVENT").get(0).getLocation().get().getValue())
			.isEqualTo("Café " + umlauts);
	}

	@Test
	void aPhoneMeetingHasALocationAndTheFeedIsNamed() throws Exception {
		Meeting meeting = meeting(MeetingKind.PHONE, null, null);
		MemberSummary mentee = mentee("Paula", "Phone", "Europe/Vienna");
		Calendar invitation = new CalendarBuilder()
			.build(new StringReader(new String(request(meeting, mentee), StandardCharsets.UTF_8)));
		assertThat(invitation.<VEvent>getComponents("VEVENT").get(0).getLocation().get().getValue())
			.isEqualTo("Telefonat");
		String feed = new String(
				Invitations.feed(List.of(meeting), Map.of(this.menteeId, mentee, this.mentorId, this.mentor),
						ZoneId.of("Europe/Vienna"), WORDS, CLOCK.instant(), "noreply@a.test"),
				StandardCharsets.UTF_8);
		assertThat(feed).contains("X-WR-CALNAME:alma Mentoring: meine Treffen\r\n");
	}

	/** ical4j's own conversion put this start at 06:00 (summer time a week early). */
	@Test
	void localTimesAreJavaTimesEvenInTheWeekBeforeSummerTimeInNewYork() {
		Meeting meeting = new Meeting(UUID.randomUUID(), this.menteeId, this.mentorId, List
			.of(new Slot(Instant.parse("2027-03-10T10:00:00Z"), 60, MeetingKind.PHONE, null, null, "input.slots[0]")),
				false, CLOCK);
		meeting.schedule(this.mentorId, 0, CLOCK);
		String text = new String(request(meeting, mentee("Nora", "York", "America/New_York")), StandardCharsets.UTF_8);
		assertThat(text).contains("DTSTART;TZID=America/New_York:20270310T050000\r\n")
			.contains("DTEND;TZID=America/New_York:20270310T060000\r\n");
	}

	@Test
	void theTimeZoneCarriesOnlyTheRulesTheEventsNeed() {
		Instant start = Instant.parse("2027-02-01T10:00:00Z");
		VTimeZone vienna = Invitations.timeZone(ZoneId.of("Europe/Vienna"), start, start);
		assertThat(vienna.getObservances()).hasSize(2);
		assertThat(vienna.toString()).contains("DTSTART:20260329T020000")
			.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
			.contains("DTSTART:20261025T030000")
			.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
		assertThat(Invitations.timeZone(ZoneId.of("America/New_York"), start, start).toString())
			.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU")
			.contains("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU");
		// no daylight saving time: one observance with the offset
		String tokyo = Invitations.timeZone(ZoneId.of("Asia/Tokyo"), start, start).toString();
		assertThat(tokyo).contains("TZOFFSETTO:+0900").doesNotContain("RRULE").doesNotContain("DAYLIGHT");
		assertThat(Invitations.timeZone(ZoneId.of("UTC"), start, start).toString()).contains("TZOFFSETTO:+0000");
	}

}
