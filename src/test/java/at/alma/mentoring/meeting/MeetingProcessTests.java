package at.alma.mentoring.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.TestMailServer;
import at.alma.mentoring.workflow.ProcessCoverage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

import static at.alma.mentoring.Scenarios.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

/**
 * Every path of {@code bpmn/meeting-confirmation.bpmn}, timers included, through the API
 * and the real engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingProcessTests extends ApiTest {

	private final List<String> instances = new ArrayList<>();

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	HistoryService historyService;

	private Account mentee;

	private Account mentor;

	private UUID mentorship;

	@BeforeEach
	void accepted() {
		init(this.processEngine);
		this.clock.setTo(Instant.parse("2027-05-03T08:00:00Z"));
		this.mentee = signUp("Moritz", "Flow", "MENTEE");
		this.mentor = signUp("Nadja", "Flow", "MENTOR");
		this.mentorship = accepted(this.mentee, this.mentor);
	}

	@Test
	void declinedProposalEnds() {
		UUID meeting = this.scenarios.proposed(this.mentee, this.mentorship, slot("2027-05-10T10:00Z"));
		ProcessInstance instance = instance(meeting);
		assertThat(instance).hasPassed("Task_NotifyMentorOfProposal").isWaitingAt(MeetingProcess.SCHEDULE_MEETING);
		this.scenarios.meetingMutation(this.mentor, "declineMeeting", Map.of("meetingId", meeting, "message", "Sorry"));
		assertThat(instance).hasPassed("Task_NotifyMenteeMeetingDeclined", "End_MeetingDeclined").isEnded();
	}

	@Test
	void scheduledMeetingIsConfirmedByBothWithReminders() {
		UUID meeting = this.scenarios.proposed(this.mentee, this.mentorship, slot("2027-05-10T10:00Z"));
		ProcessInstance instance = instance(meeting);
		this.scenarios.schedule(this.mentor, meeting, 0);
		assertThat(instance).hasPassed("Task_SendInvitations").isWaitingAt("Gateway_AwaitMeeting");

		this.clock.setTo(Instant.parse("2027-05-10T10:00:01Z"));
		runJobs(this.mentorship);
		assertThat(instance).hasPassed("Timer_MeetingStarted").isWaitingAt(MeetingProcess.CONFIRM_BY_MENTEE);
		this.clock.advance(Duration.ofDays(2).plusMinutes(1));
		runJobs(this.mentorship);
		assertThat(instance).hasPassed("Timer_RemindMentee", "Task_RemindMentee", "End_MenteeReminded");
		this.scenarios.confirm(signIn(this.mentee), meeting);
		assertThat(instance).isWaitingAt(MeetingProcess.CONFIRM_BY_MENTOR);
		this.clock.advance(Duration.ofDays(2).plusMinutes(1));
		runJobs(this.mentorship);
		assertThat(instance).hasPassed("Timer_RemindMentorToConfirm", "Task_RemindMentorToConfirm",
				"End_MentorReminded");
		this.scenarios.confirm(signIn(this.mentor), meeting);
		assertThat(instance).hasPassed("End_MeetingHeld").isEnded();
	}

	@Test
	void rescheduledMeetingGoesBackToTheMentorThenIsCancelled() {
		UUID meeting = this.scenarios.proposed(this.mentee, this.mentorship, slot("2027-05-10T10:00Z"));
		ProcessInstance instance = instance(meeting);
		this.scenarios.schedule(this.mentor, meeting, 0);
		this.scenarios.meetingMutation(this.mentee, "rescheduleMeeting",
				Map.of("meetingId", meeting, "slots", List.of(slot("2027-05-12T10:00Z"))));
		assertThat(instance).hasPassed("Message_MeetingRescheduled").isWaitingAt(MeetingProcess.SCHEDULE_MEETING);
		this.scenarios.schedule(this.mentor, meeting, 0);
		this.scenarios.meetingMutation(this.mentee, "cancelMeeting",
				Map.of("meetingId", meeting, "reason", "Exam week"));
		assertThat(instance)
			.hasPassed("Message_MeetingCancelled", "Task_NotifyMeetingCancelled", "End_MeetingCancelled")
			.isEnded();
	}

	@Test
	void aMeetingReportedAsNotHeldByTheMenteeEndsNotHeldAndTellsTheMentorInTheirLanguage() throws Exception {
		Account mentor = signUpWith("Nora", "English", "EN", "America/New_York", "MENTOR");
		UUID mentorship = accepted(this.mentee, mentor);
		UUID meeting = started(this.mentee, mentor, mentorship, "2027-05-10T10:00Z");
		ProcessInstance instance = instance(meeting, mentorship);
		mail.purge();

		this.scenarios
			.meetingMutation(signIn(this.mentee), "reportMeetingNotHeld",
					Map.of("meetingId", meeting, "reason", "Nora war krank"))
			.path("reportMeetingNotHeld.meeting.status")
			.entity(String.class)
			.isEqualTo("NOT_HELD")
			.path("reportMeetingNotHeld.meeting.notHeldReportedBy")
			.entity(String.class)
			.isEqualTo(this.mentee.id().toString());
		assertThat(instance)
			.hasPassed("Message_ReportedNotHeld", "Gateway_ReportOutcome", "Gateway_NotHeld", "Task_NotifyNotHeld",
					"End_MeetingNotHeld")
			.isEnded();
		runJobs(mentorship);
		assertThat(mail.to(mentor.email())).singleElement().satisfies((message) -> {
			assertThat(message.getSubject()).isEqualTo("Your meeting with Moritz Flow did not take place");
			assertThat(TestMailServer.text(message)).contains("Moritz Flow says that your meeting did not take place")
				.contains("Nora war krank")
				.contains("does not count");
		});
		assertThat(mail.to(this.mentee.email())).isEmpty();
		assertThat(achievements(meeting)).isZero();
		assertThat(feedbackRequests(meeting)).isZero();
	}

	@Test
	void aMeetingReportedAsNotHeldByTheMentorBeforeTheMenteeConfirmedEndsNotHeld() {
		UUID meeting = started(this.mentee, this.mentor, this.mentorship, "2027-05-10T10:00Z");
		ProcessInstance instance = instance(meeting);
		mail.purge();
		this.scenarios.meetingMutation(signIn(this.mentor), "reportMeetingNotHeld",
				Map.of("meetingId", meeting, "reason", "Moritz kam nicht"));
		assertThat(instance).hasPassed("Task_NotifyNotHeld", "End_MeetingNotHeld").isEnded();
		runJobs(this.mentorship);
		assertThat(mail.to(this.mentee.email())).singleElement().satisfies((message) -> {
			assertThat(message.getSubject()).isEqualTo("Ihr Treffen mit Nadja Flow hat nicht stattgefunden");
			assertThat(TestMailServer.text(message)).contains("Nadja Flow gibt an").contains("Moritz kam nicht");
		});
		expectCode(this.scenarios.confirm(signIn(this.mentee), meeting), "WRONG_STATE");
		expectCode(this.scenarios.meetingMutation(signIn(this.mentor), "reportMeetingNotHeld",
				Map.of("meetingId", meeting, "reason", "noch einmal")), "ALREADY_REPORTED");
		expectCode(this.scenarios.meetingMutation(signIn(this.mentee), "reportMeetingNotHeld",
				Map.of("meetingId", meeting, "reason", "auch")), "WRONG_STATE");
	}

	@Test
	void aDisputeRemindsTheAdminsAndIsResolvedAsHeldWithAchievementsAndFeedback() {
		UUID meeting = disputed();
		ProcessInstance instance = instance(meeting);
		assertThat(instance).hasPassed("Task_NotifyDisputed").isWaitingAt(MeetingProcess.RESOLVE_DISPUTE);
		assertThat(this.taskService.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskCandidateGroup(MeetingProcess.ADMINS)
			.count()).isOne();
		runJobs(this.mentorship);
		assertThat(mail.to(this.mentee.email())).singleElement().satisfies((message) -> {
			assertThat(message.getSubject()).isEqualTo("Ihr Treffen mit Nadja Flow: Hat es stattgefunden?");
			assertThat(TestMailServer.text(message)).contains("Nadja Flow gibt an").contains("Es gab kein Treffen");
		});
		assertThat(TestMailServer.text(mail.to(this.mentor.email()).get(0)))
			.contains("Sie haben angegeben, dass Ihr Treffen nicht stattgefunden hat, obwohl Moritz Flow");
		assertThat(achievements(meeting)).isZero();

		Account admin = admin();
		assertThat(disputedIds(admin)).contains(meeting.toString());
		expectCode(as(signIn(this.mentee)).documentName("disputedMeetings").execute(), "FORBIDDEN");
		mail.purge();
		this.clock.advance(Duration.ofDays(3).plusMinutes(1));
		runJobs(this.mentorship);
		assertThat(instance).hasPassed("Timer_RemindAdmins", "Task_RemindAdmins", "End_AdminsReminded");
		assertThat(mail.to("admin@alma.test")).singleElement().satisfies((message) -> {
			assertThat(message.getSubject()).isEqualTo("A disputed meeting waits for a decision");
			assertThat(TestMailServer.text(message)).contains(meeting.toString()).contains("Es gab kein Treffen");
		});
		mail.purge();

		expectCode(this.scenarios.meetingMutation(signIn(this.mentee), "resolveMeetingDispute",
				Map.of("meetingId", meeting, "outcome", "HELD", "reason", "selbst")), "FORBIDDEN");
		admin = signIn(admin);
		this.scenarios
			.meetingMutation(admin, "resolveMeetingDispute",
					Map.of("meetingId", meeting, "outcome", "HELD", "reason", "Beide Kalender zeigen das Treffen"))
			.path("resolveMeetingDispute.meeting.status")
			.entity(String.class)
			.isEqualTo("HELD")
			.path("resolveMeetingDispute.meeting.disputeResolvedBy")
			.entity(String.class)
			.isEqualTo(admin.id().toString());
		assertThat(instance).hasPassed("Task_NotifyDisputeResolved", "Gateway_Resolution", "End_ResolvedHeld")
			.isEnded();
		assertThat(achievements(meeting)).isEqualTo(2);
		assertThat(feedbackRequests(meeting)).isEqualTo(2);
		runJobs(this.mentorship);
		assertThat(mail.to(this.mentee.email())).extracting(MimeMessage::getSubject)
			.contains("Ihr Treffen mit Nadja Flow: Das alma-Team hat entschieden");
		assertThat(mail.to(this.mentee.email())).extracting(TestMailServer::text)
			.anySatisfy((text) -> assertThat(text).contains("zählt es als stattgefunden")
				.contains("Beide Kalender zeigen das Treffen"));
		expectCode(this.scenarios.meetingMutation(admin, "resolveMeetingDispute",
				Map.of("meetingId", meeting, "outcome", "NOT_HELD", "reason", "doch nicht")), "WRONG_STATE");
		expectCode(this.scenarios.meetingMutation(signIn(this.mentor), "reportMeetingNotHeld",
				Map.of("meetingId", meeting, "reason", "nein")), "WRONG_STATE");
	}

	@Test
	void aDisputeResolvedAsNotHeldCountsNothing() {
		UUID meeting = disputed();
		ProcessInstance instance = instance(meeting);
		this.scenarios.meetingMutation(admin(), "resolveMeetingDispute",
				Map.of("meetingId", meeting, "outcome", "NOT_HELD", "reason", "Kein Nachweis"));
		assertThat(instance).hasPassed("End_ResolvedNotHeld").isEnded();
		assertThat(status(meeting)).isEqualTo("NOT_HELD");
		assertThat(achievements(meeting)).isZero();
		assertThat(feedbackRequests(meeting)).isZero();
	}

	@Test
	void theMenteeWithdrawsTheConfirmationInADispute() {
		UUID meeting = disputed();
		ProcessInstance instance = instance(meeting);
		runJobs(this.mentorship);
		mail.purge();
		this.scenarios
			.meetingMutation(signIn(this.mentee), "reportMeetingNotHeld",
					Map.of("meetingId", meeting, "reason", "Stimmt, ich habe mich geirrt"))
			.path("reportMeetingNotHeld.meeting.status")
			.entity(String.class)
			.isEqualTo("NOT_HELD");
		assertThat(instance).hasPassed("Message_ConfirmationWithdrawn", "End_MeetingNotHeld").isEnded();
		runJobs(this.mentorship);
		assertThat(mail.to(this.mentor.email())).singleElement()
			.satisfies((message) -> assertThat(TestMailServer.text(message))
				.contains("Moritz Flow hat die Bestätigung zurückgenommen")
				.contains("Stimmt, ich habe mich geirrt"));
		assertThat(mail.to(this.mentee.email())).isEmpty();
		assertThat(disputedIds(admin())).doesNotContain(meeting.toString());
	}

	@Test
	void aMeetingNobodyConfirmsBecomesUnconfirmedAfterTheConfiguredTime() {
		UUID meeting = started(this.mentee, this.mentor, this.mentorship, "2027-05-10T10:00Z");
		ProcessInstance instance = instance(meeting);
		this.clock.advance(Duration.ofDays(13));
		runJobs(this.mentorship);
		assertThat(instance).isWaitingAt(MeetingProcess.CONFIRM_BY_MENTEE);
		mail.purge();
		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		runJobs(this.mentorship);
		assertThat(instance)
			.hasPassed("Timer_ConfirmationLapsed", "Task_MarkUnconfirmed", "Task_NotifyUnconfirmed",
					"End_MeetingUnconfirmed")
			.isEnded();
		assertThat(status(meeting)).isEqualTo("UNCONFIRMED");
		for (Account side : List.of(this.mentee, this.mentor)) {
			assertThat(mail.to(side.email())).extracting(MimeMessage::getSubject)
				.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.endsWith("wurde nicht bestätigt");
		}
		assertThat(achievements(meeting)).isZero();
		expectCode(this.scenarios.confirm(signIn(this.mentee), meeting), "WRONG_STATE");
	}

	@Test
	void anUnresolvedDisputeLapsesToUnconfirmed() {
		UUID meeting = disputed();
		ProcessInstance instance = instance(meeting);
		this.clock.advance(Duration.ofDays(30).plusMinutes(1));
		runJobs(this.mentorship);
		assertThat(instance)
			.hasPassed("Timer_DisputeLapsed", "Task_MarkDisputeUnconfirmed", "Gateway_Unconfirmed",
					"End_MeetingUnconfirmed")
			.isEnded();
		assertThat(status(meeting)).isEqualTo("UNCONFIRMED");
		assertThat(achievements(meeting)).isZero();
	}

	@Test
	void reportsAreRefusedBeforeTheStartToStrangersAndWithBadReasons() {
		UUID meeting = this.scenarios.proposed(this.mentee, this.mentorship, slot("2027-05-10T10:00Z"));
		this.scenarios.schedule(this.mentor, meeting, 0);
		expectCode(this.scenarios.meetingMutation(this.mentee, "reportMeetingNotHeld",
				Map.of("meetingId", meeting, "reason", "zu früh")), "MEETING_NOT_YET");
		Account stranger = signUp("Stefan", "Fremd", "MENTEE");
		this.clock.setTo(Instant.parse("2027-05-10T10:00:01Z"));
		runJobs(this.mentorship);
		expectCode(this.scenarios.meetingMutation(signIn(stranger), "reportMeetingNotHeld",
				Map.of("meetingId", meeting, "reason", "fremd")), "NOT_FOUND");
		expectInvalid(this.scenarios.meetingMutation(signIn(this.mentee), "reportMeetingNotHeld",
				Map.of("meetingId", meeting, "reason", "x".repeat(501))), "input.reason");
		expectInvalid(this.scenarios.meetingMutation(signIn(this.mentee), "reportMeetingNotHeld",
				Map.of("meetingId", meeting, "reason", "zwei\nZeilen")), "input.reason");
		assertThat(status(meeting)).isEqualTo("SCHEDULED");
		expectCode(this.scenarios.meetingMutation(admin(), "resolveMeetingDispute",
				Map.of("meetingId", meeting, "outcome", "HELD", "reason", "nicht strittig")), "WRONG_STATE");
	}

	@Test
	void closingWaitsForAnOpenMeetingAndTerminationLeavesItUnconfirmed() {
		Account mentee = signUp("Carla", "Close", "MENTEE");
		Account mentor = signUp("Cord", "Close", "MENTOR");
		UUID active = active(mentee, mentor);
		UUID meeting = started(mentee, mentor, active, "2027-05-10T10:00Z");
		instance(meeting, active);
		expectCode(as(signIn(mentee)).documentName("proposeClosure")
			.variable("input", Map.of("mentorshipId", active))
			.execute(), "MEETING_UNRESOLVED");
		as(signIn(mentor)).documentName("terminateMentorship")
			.variable("input", Map.of("mentorshipId", active, "reason", "Umzug"))
			.execute()
			.errors()
			.verify();
		assertThat(status(meeting)).isEqualTo("UNCONFIRMED");
		assertThat(achievements(meeting)).isZero();
	}

	/**
	 * A disputed meeting: the mentee confirmed, the mentor said it did not take place.
	 */
	private UUID disputed() {
		UUID meeting = started(this.mentee, this.mentor, this.mentorship, "2027-05-10T10:00Z");
		this.scenarios.confirm(signIn(this.mentee), meeting);
		runJobs(this.mentorship);
		mail.purge();
		this.scenarios
			.meetingMutation(signIn(this.mentor), "reportMeetingNotHeld",
					Map.of("meetingId", meeting, "reason", "Es gab kein Treffen"))
			.path("reportMeetingNotHeld.meeting.status")
			.entity(String.class)
			.isEqualTo("DISPUTED");
		return meeting;
	}

	/** A scheduled meeting whose start has passed: the mentee's confirmation is open. */
	private UUID started(Account mentee, Account mentor, UUID mentorship, String start) {
		UUID meeting = this.scenarios.proposed(signIn(mentee), mentorship, slot(start));
		this.scenarios.schedule(signIn(mentor), meeting, 0);
		this.clock.setTo(java.time.OffsetDateTime.parse(start).toInstant().plusSeconds(1));
		runJobs(mentorship);
		return meeting;
	}

	private List<String> disputedIds(Account admin) {
		return as(signIn(admin)).documentName("disputedMeetings")
			.variable("first", 100)
			.execute()
			.path("disputedMeetings.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private String status(UUID meeting) {
		return this.jdbc.queryForObject("select status from meetings where id = ?", String.class, meeting.toString());
	}

	private long achievements(UUID meeting) {
		return this.jdbc.queryForObject(
				"select count(*) from achievements where kind = 'MEETING_HELD' and source_id = ?", Long.class,
				meeting.toString());
	}

	private long feedbackRequests(UUID meeting) {
		return this.jdbc.queryForObject("select count(*) from feedback_requests where source_key = ?", Long.class,
				"meeting:" + meeting);
	}

	@AfterAll
	void everyFlowNodeIsCovered() {
		ProcessCoverage coverage = ProcessCoverage
			.of(this.repositoryService, this.historyService, MeetingProcess.KEY, this.instances)
			.writeReport();
		assertThat(coverage.missed((node) -> true)).isEmpty();
	}

	private ProcessInstance instance(UUID meetingId) {
		return instance(meetingId, this.mentorship);
	}

	private ProcessInstance instance(UUID meetingId, UUID mentorship) {
		ProcessInstance instance = processInstanceQuery().processDefinitionKey(MeetingProcess.KEY)
			.variableValueEquals(MeetingProcess.MEETING_ID, meetingId.toString())
			.singleResult();
		assertThat(instance.getBusinessKey()).isEqualTo(mentorship.toString());
		this.instances.add(instance.getId());
		return instance;
	}

}
