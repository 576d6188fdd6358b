package at.alma.mentoring.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.DomainEvents;
import at.alma.mentoring.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static at.alma.mentoring.Scenarios.calendarOf;
import static at.alma.mentoring.Scenarios.slot;
import static org.assertj.core.api.Assertions.assertThat;

class MeetingApiTests extends ApiTest {

	static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");

	@Autowired
	DomainEvents events;

	@BeforeEach
	void fixedTime() {
		this.clock.setTo(NOW);
	}

	@Test
	void menteeProposesMentorSchedulesBothGetInvitations() throws Exception {
		Account mentee = signUpWith("Carla", "Dorn", "EN", "Europe/Vienna", "MENTEE");
		Account mentor = signUp("Dieter", "Eck", "MENTOR");
		// the first meeting comes before the agreement
		UUID mentorship = accepted(mentee, mentor);
		var proposed = this.scenarios.propose(mentee, mentorship, false, slot("2027-03-10T10:00+01:00"),
				slot("2027-03-11T17:30"));
		proposed.path("proposeMeeting.meeting.status").entity(String.class).isEqualTo("PROPOSED");
		proposed.path("proposeMeeting.meeting.slots[1].startsAt")
			.entity(String.class)
			.isEqualTo("2027-03-11T16:30:00Z");
		UUID meeting = UUID.fromString(proposed.path("proposeMeeting.meeting.id").entity(String.class).get());
		as(mentor).documentName("myTasks")
			.execute()
			.path("myTasks.edges[*].node.kind")
			.entityList(String.class)
			.contains("SCHEDULE_MEETING");
		runJobs(mentorship);
		assertThat(mail.to(mentor.email())).extracting(MimeMessage::getSubject)
			.contains("Carla Dorn schlägt ein Treffen vor");

		mail.purge();
		this.scenarios.schedule(mentor, meeting, 1)
			.path("scheduleMeeting.meeting.scheduled.startsAt")
			.entity(String.class)
			.isEqualTo("2027-03-11T16:30:00Z");
		runJobs(mentorship);
		for (Account participant : List.of(mentee, mentor)) {
			List<MimeMessage> mails = mail.to(participant.email());
			assertThat(mails).hasSize(1);
			Calendar invitation = calendarOf(mails.get(0));
			assertThat(invitation.getProperty("METHOD").get().getValue()).isEqualTo("REQUEST");
			VEvent event = invitation.<VEvent>getComponents("VEVENT").get(0);
			assertThat(event.getUid().get().getValue()).isEqualTo("meeting-" + meeting + "@alma-mentoring");
			assertThat(event.getSequence().get().getValue()).isEqualTo("0");
			assertThat(event.getDateTimeStart().get().getValue()).isEqualTo("20270311T173000");
			assertThat(event.getDateTimeStart().get().getParameter("TZID").get().getValue()).isEqualTo("Europe/Vienna");
		}
		assertThat(mail.to(mentee.email()).get(0).getSubject()).isEqualTo("Meeting with Dieter Eck scheduled");

		as(mentee).document("query($from: DateTime!, $to: DateTime!) { myMeetings(from: $from, to: $to) { id } }")
			.variable("from", "2027-03-01T00:00:00Z")
			.variable("to", "2027-04-01T00:00:00Z")
			.execute()
			.path("myMeetings[*].id")
			.entityList(String.class)
			.containsExactly(meeting.toString());
	}

	@Test
	void refusesProposalsThatBreakTheRules() {
		Account mentee = signUp("Emma", "Falk", "MENTEE");
		Account mentor = signUp("Felix", "Gans", "MENTOR");
		Account third = signUp("Greta", "Horn", "MENTEE");
		UUID requested = requested(mentee, mentor);
		expectCode(this.scenarios.propose(mentee, requested, false, slot("2027-03-10T10:00Z")), "WRONG_STATE");
		Account owner = signUp("Jan", "Kuhn", "MENTEE");
		Account ownersMentor = signUp("Kim", "Lenz", "MENTOR");
		UUID mentorship = accepted(owner, ownersMentor);
		long meetings = count("meetings");
		expectCode(this.scenarios.propose(ownersMentor, mentorship, false, slot("2027-03-10T10:00Z")), "NOT_YOUR_TURN");
		expectCode(this.scenarios.propose(third, mentorship, false, slot("2027-03-10T10:00Z")), "NOT_FOUND");
		expectCode(this.scenarios.propose(owner, mentorship, false), "INVALID_INPUT");
		expectCode(this.scenarios.propose(owner, mentorship, false, slot("2027-03-10T10:00Z"),
				slot("2027-03-10T11:00Z"), slot("2027-03-10T12:00Z"), slot("2027-03-10T13:00Z"),
				slot("2027-03-10T14:00Z"), slot("2027-03-10T15:00Z")), "INVALID_INPUT");
		expectCode(this.scenarios.propose(owner, mentorship, false, slot("2027-02-10T10:00Z")), "INVALID_INPUT");
		expectCode(this.scenarios.propose(owner, mentorship, false, slot("yesterday")), "INVALID_INPUT");
		expectCode(
				this.scenarios.propose(owner, mentorship, false,
						Map.of("start", "2027-03-10T10:00Z", "durationMinutes", 60, "kind", "IN_PERSON")),
				"INVALID_INPUT");
		expectCode(this.scenarios.propose(owner, mentorship, true, slot("2027-03-10T10:00Z")), "NOT_ACTIVE");
		assertThat(count("meetings")).isEqualTo(meetings);
	}

	@Test
	void mentorDeclinesAndTheMenteeIsTold() {
		Account mentee = signUp("Lara", "Mohr", "MENTEE");
		Account mentor = signUp("Mats", "Noll", "MENTOR");
		UUID mentorship = accepted(mentee, mentor);
		UUID meeting = this.scenarios.proposed(mentee, mentorship, slot("2027-03-10T10:00Z"));
		expectCode(
				this.scenarios.meetingMutation(mentee, "declineMeeting", Map.of("meetingId", meeting, "message", "no")),
				"NOT_YOUR_TURN");
		expectCode(
				this.scenarios.meetingMutation(mentor, "declineMeeting", Map.of("meetingId", meeting, "message", " ")),
				"INVALID_INPUT");
		this.scenarios
			.meetingMutation(mentor, "declineMeeting", Map.of("meetingId", meeting, "message", "I am travelling then"))
			.path("declineMeeting.meeting.status")
			.entity(String.class)
			.isEqualTo("DECLINED");
		runJobs(mentorship);
		assertThat(mail.to(mentee.email())).extracting(TestMailServer::text)
			.anySatisfy((text) -> assertThat(text).contains("I am travelling then"));
		expectCode(this.scenarios.schedule(mentor, meeting, 0), "WRONG_STATE");
	}

	@Test
	void rescheduleKeepsTheUidAndRaisesTheSequenceAndCancelSendsCancel() throws Exception {
		Account mentee = signUp("Nora", "Ott", "MENTEE");
		Account mentor = signUp("Olaf", "Popp", "MENTOR");
		UUID mentorship = accepted(mentee, mentor);
		UUID meeting = this.scenarios.proposed(mentee, mentorship, slot("2027-03-10T10:00Z"));
		this.scenarios.schedule(mentor, meeting, 0);
		this.scenarios
			.meetingMutation(mentee, "rescheduleMeeting",
					Map.of("meetingId", meeting, "slots",
							List.of(slot("2027-03-12T10:00Z"), slot("2027-03-13T10:00Z"))))
			.path("rescheduleMeeting.meeting.status")
			.entity(String.class)
			.isEqualTo("PROPOSED");
		runJobs(mentorship);
		mail.purge();
		this.scenarios.schedule(mentor, meeting, 1)
			.path("scheduleMeeting.meeting.invitationSequence")
			.entity(Integer.class)
			.isEqualTo(1);
		runJobs(mentorship);
		VEvent moved = calendarOf(mail.to(mentee.email()).get(0)).<VEvent>getComponents("VEVENT").get(0);
		assertThat(moved.getUid().get().getValue()).isEqualTo("meeting-" + meeting + "@alma-mentoring");
		assertThat(moved.getSequence().get().getValue()).isEqualTo("1");

		mail.purge();
		expectCode(this.scenarios.meetingMutation(signUp("Stranger", "Q", "MENTEE"), "cancelMeeting",
				Map.of("meetingId", meeting, "reason", "x")), "NOT_FOUND");
		this.scenarios.meetingMutation(mentor, "cancelMeeting", Map.of("meetingId", meeting, "reason", "I fell ill"))
			.path("cancelMeeting.meeting.status")
			.entity(String.class)
			.isEqualTo("CANCELLED");
		runJobs(mentorship);
		for (Account participant : List.of(mentee, mentor)) {
			MimeMessage cancellation = mail.to(participant.email()).get(0);
			Calendar calendar = calendarOf(cancellation);
			assertThat(calendar.getProperty("METHOD").get().getValue()).isEqualTo("CANCEL");
			VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
			assertThat(event.getUid().get().getValue()).isEqualTo("meeting-" + meeting + "@alma-mentoring");
			assertThat(event.getSequence().get().getValue()).isEqualTo("2");
		}
		assertThat(TestMailServer.text(mail.to(mentee.email()).get(0))).contains("I fell ill");
		// the meeting's instance ended; the lifecycle runs on
		assertThat(processInstanceIds(mentorship)).hasSize(1);
	}

	@Test
	void bothConfirmAfterTheMeetingMenteeFirstThenItIsHeld() {
		Account mentee = signUp("Paula", "Quast", "MENTEE");
		Account mentor = signUp("Rolf", "Sauer", "MENTOR");
		UUID mentorship = active(mentee, mentor);
		UUID meeting = this.scenarios.proposed(mentee, mentorship, slot("2027-03-10T10:00Z"));
		this.scenarios.schedule(mentor, meeting, 0);
		expectCode(this.scenarios.confirm(mentee, meeting), "MEETING_NOT_YET");

		this.clock.setTo(Instant.parse("2027-03-10T11:05:00Z"));
		runJobs(mentorship);
		mentee = signIn(mentee);
		mentor = signIn(mentor);
		expectCode(this.scenarios.confirm(mentor, meeting), "NOT_YOUR_TURN");
		this.scenarios.confirm(mentee, meeting)
			.path("confirmMeetingHeld.meeting.status")
			.entity(String.class)
			.isEqualTo("SCHEDULED");
		expectCode(this.scenarios.confirm(mentee, meeting), "ALREADY_CONFIRMED");
		mail.purge();
		this.scenarios.confirm(mentor, meeting)
			.path("confirmMeetingHeld.meeting.status")
			.entity(String.class)
			.isEqualTo("HELD");
		expectCode(this.scenarios.confirm(mentor, meeting), "ALREADY_CONFIRMED");
		assertThat(this.events.of(MeetingHeld.class).filter((event) -> event.meetingId().equals(meeting))).hasSize(1);
		runJobs(mentorship);
		assertThat(mail.to(mentee.email())).extracting(MimeMessage::getSubject).containsExactly("Wie war Ihr Treffen?");
		assertThat(mail.to(mentor.email())).extracting(MimeMessage::getSubject).containsExactly("Wie war Ihr Treffen?");
		as(mentee).document("query($id: ID!) { mentorship(id: $id) { progress { meetingsPlanned meetingsHeld } } }")
			.variable("id", mentorship)
			.execute()
			.path("mentorship.progress.meetingsHeld")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("mentorship.progress.meetingsPlanned")
			.entity(Integer.class)
			.isEqualTo(6);
	}

	@Test
	void theSameConfirmationSentTwiceAtOnceTakesEffectOnce() throws Exception {
		for (int round = 0; round < 3; round++) {
			this.clock.setTo(NOW);
			Account mentee = signUp("Sina", "Twice", "MENTEE");
			Account mentor = signUp("Tom", "Twice", "MENTOR");
			UUID mentorship = accepted(mentee, mentor);
			UUID meeting = this.scenarios.proposed(mentee, mentorship, slot("2027-03-10T10:00Z"));
			this.scenarios.schedule(mentor, meeting, 0);
			this.clock.setTo(Instant.parse("2027-03-10T11:00:00Z"));
			runJobs(mentorship);
			Account freshMentee = signIn(mentee);
			this.scenarios.confirm(freshMentee, meeting);
			Account freshMentor = signIn(mentor);
			var barrier = new CyclicBarrier(2);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			List<Future<GraphQlTester.Response>> results = new ArrayList<>();
			try {
				for (int i = 0; i < 2; i++) {
					results.add(pool.submit(() -> {
						barrier.await(10, TimeUnit.SECONDS);
						return this.scenarios.confirm(freshMentor, meeting);
					}));
				}
				int succeeded = 0;
				for (var result : results) {
					List<Object> codes = new ArrayList<>();
					result.get(30, TimeUnit.SECONDS)
						.errors()
						.satisfy((errors) -> errors.forEach((error) -> codes.add(error.getExtensions().get("code"))));
					if (codes.isEmpty()) {
						succeeded++;
					}
					else {
						assertThat(codes).containsAnyOf("ALREADY_CONFIRMED", "CONCURRENT_CHANGE", "NO_OPEN_TASK");
					}
				}
				assertThat(succeeded).isEqualTo(1);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(this.events.of(MeetingHeld.class).filter((event) -> event.meetingId().equals(meeting)))
				.hasSize(1);
		}
	}

	@Test
	void aPastStartNamesItsSlot() {
		Account mentee = signUp("Past", "Slot", "MENTEE");
		Account mentor = signUp("Past", "Mentor", "MENTOR");
		UUID mentorship = accepted(mentee, mentor);
		expectInvalid(this.scenarios.propose(mentee, mentorship, false, slot("2027-03-22T15:00+01:00"),
				slot("2020-01-01T10:00Z")), "input.slots[1].start");
	}

	@Test
	void aLocalStartTheClocksSkipIsRefused() {
		// 28 March 2027, Vienna: the clocks go from 02:00 to 03:00
		Account mentee = signUpWith("Gap", "Wien", "DE", "Europe/Vienna", "MENTEE");
		Account mentor = signUp("Gap", "Mentor", "MENTOR");
		UUID mentorship = accepted(mentee, mentor);
		expectInvalid(
				this.scenarios.propose(mentee, mentorship, false, slot("2027-03-28T03:30"), slot("2027-03-28T02:30")),
				"input.slots[1].start");
		// the same wall time with an offset is a real instant, and accepted
		this.scenarios.proposed(mentee, mentorship, slot("2027-03-28T02:30+01:00"));
	}

	@Test
	void timesFollowEachMembersZoneAcrossTheDaylightSavingChange() throws Exception {
		// 22 March 2027: New York is on summer time (since 14 March), Vienna not yet
		// (from 28 March)
		Account mentee = signUpWith("Ulla", "Wien", "DE", "Europe/Vienna", "MENTEE");
		Account mentor = signUpWith("Victor", "York", "EN", "America/New_York", "MENTOR");
		UUID mentorship = accepted(mentee, mentor);
		// the mentee gives Vienna local time
		UUID meeting = this.scenarios.proposed(mentee, mentorship, slot("2027-03-22T15:00"));
		runJobs(mentorship);
		mail.purge();
		var mentorView = this.scenarios.schedule(mentor, meeting, 0);
		mentorView.path("scheduleMeeting.meeting.scheduled.startsAt")
			.entity(String.class)
			.isEqualTo("2027-03-22T14:00:00Z");
		mentorView.path("scheduleMeeting.meeting.scheduled.startsAtLocal")
			.entity(String.class)
			.isEqualTo("2027-03-22T10:00:00-04:00");
		as(mentee).document("query($id: ID!) { meeting(id: $id) { scheduled { startsAtLocal timeZone } } }")
			.variable("id", meeting)
			.execute()
			.path("meeting.scheduled.startsAtLocal")
			.entity(String.class)
			.isEqualTo("2027-03-22T15:00:00+01:00");
		runJobs(mentorship);
		assertThat(mail.to(mentor.email())).extracting(MimeMessage::getSubject)
			.containsExactly("Meeting with Ulla Wien scheduled");
		MimeMessage toMentor = mail.to(mentor.email()).get(0);
		MimeMessage toMentee = mail.to(mentee.email()).get(0);
		assertThat(TestMailServer.text(toMentor)).contains("10:00 AM (New York time)")
			.doesNotContain("America/New_York");
		assertThat(TestMailServer.text(toMentee)).contains("15:00 Uhr (Wiener Zeit)").doesNotContain("Europe/Vienna");
		VEvent forMentor = calendarOf(toMentor).<VEvent>getComponents("VEVENT").get(0);
		assertThat(forMentor.getDateTimeStart().get().getValue()).isEqualTo("20270322T100000");
		assertThat(forMentor.getDateTimeStart().get().getParameter("TZID").get().getValue())
			.isEqualTo("America/New_York");
		assertThat(java.time.Instant.from(forMentor.getDateTimeStart().get().getDate()))
			.isEqualTo(Instant.parse("2027-03-22T14:00:00Z"));
		VEvent forMentee = calendarOf(toMentee).<VEvent>getComponents("VEVENT").get(0);
		assertThat(forMentee.getDateTimeStart().get().getValue()).isEqualTo("20270322T150000");
	}

	@Test
	void calendarFeedHoldsOnlyMyMeetingsAndARevokedUrlIsGone() throws Exception {
		Account mentee = signUp("Wilma", "Feed", "MENTEE");
		Account mentor = signUp("Xaver", "Feed", "MENTOR");
		UUID mentorship = accepted(mentee, mentor);
		UUID mine = this.scenarios.proposed(mentee, mentorship, slot("2027-03-10T10:00Z"));
		this.scenarios.schedule(mentor, mine, 0);
		Account other = signUp("Yara", "Else", "MENTEE");
		Account otherMentor = signUp("Zack", "Else", "MENTOR");
		UUID elsewhere = this.scenarios.proposed(other, accepted(other, otherMentor), slot("2027-03-10T12:00Z"));
		this.scenarios.schedule(otherMentor, elsewhere, 0);

		as(mentee).document("{ me { calendarFeedUrl } }").execute().path("me.calendarFeedUrl").valueIsNull();
		String url = as(mentee).document("mutation { rotateCalendarFeed { calendarFeedUrl } }")
			.execute()
			.path("rotateCalendarFeed.calendarFeedUrl")
			.entity(String.class)
			.get();
		String path = url.substring(url.indexOf("/calendar/"));
		byte[] body = http().get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/calendar")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		Calendar feed = new net.fortuna.ical4j.data.CalendarBuilder()
			.build(new java.io.StringReader(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(feed.<VEvent>getComponents("VEVENT")).extracting((event) -> event.getUid().get().getValue())
			.containsExactly("meeting-" + mine + "@alma-mentoring");
		// names only: whoever holds the URL must not learn the participants' addresses
		String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).doesNotContain(mentee.email()).doesNotContain(mentor.email()).doesNotContain("ATTENDEE");
		assertThat(feed.<VEvent>getComponents("VEVENT").get(0).getSummary().get().getValue()).contains("Xaver Feed");

		as(mentee).document("mutation { rotateCalendarFeed { calendarFeedUrl } }").execute();
		http().get().uri(path).exchange().expectStatus().isNotFound();
	}

	@Test
	void aMeetingThatDidNotTakePlaceStaysInTheFeedMarkedAndIsNotCancelled() throws Exception {
		Account mentee = signUp("Vera", "Mark", "MENTEE");
		Account mentor = signUp("Veit", "Mark", "MENTOR");
		UUID mentorship = accepted(mentee, mentor);
		UUID meeting = this.scenarios.meetingAfterItsTime(mentee, mentor, mentorship);
		mail.purge();
		this.scenarios
			.meetingMutation(signIn(mentor), "reportMeetingNotHeld",
					Map.of("meetingId", meeting, "reason", "Niemand kam"))
			.path("reportMeetingNotHeld.meeting.status")
			.entity(String.class)
			.isEqualTo("NOT_HELD");
		runJobs(mentorship);
		assertThat(mail.to(mentee.email())).extracting(MimeMessage::getSubject)
			.containsExactly("Ihr Treffen mit Veit Mark hat nicht stattgefunden");
		assertThat(mail.to(mentor.email())).isEmpty();

		String url = as(signIn(mentee)).document("mutation { rotateCalendarFeed { calendarFeedUrl } }")
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
		VEvent event = new net.fortuna.ical4j.data.CalendarBuilder()
			.build(new java.io.StringReader(new String(body, java.nio.charset.StandardCharsets.UTF_8)))
			.<VEvent>getComponents("VEVENT")
			.get(0);
		assertThat(event.getSummary().get().getValue()).startsWith("[not held] Mentoring: Vera Mark & Veit Mark");
		assertThat(event.getStatus().get().getValue()).isEqualTo("CONFIRMED");
		assertThat(event.getSequence().get().getSequenceNo()).isZero();
	}

}
