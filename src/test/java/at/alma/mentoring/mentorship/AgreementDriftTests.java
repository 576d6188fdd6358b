package at.alma.mentoring.mentorship;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.Scenarios;
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
 * The agreement drift check of the active stage (lifecycle version 3), driven through the
 * API with the test clock: each condition asks once per agreement version, again after an
 * amendment departs anew; the review completes on an amendment's submission and on a
 * closure proposal, is reminded and lapses; the mails in both languages. Asserts that the
 * drift check's flow nodes are all covered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementDriftTests extends ApiTest {

	private static final Set<String> DRIFT_CHECK = Set.of("Gateway_ActiveFork", "Gateway_DriftLoop",
			"Task_PlanDriftCheck", "Task_WatchAgreement", "Timer_PeriodEndNear", "Timer_PeriodOver",
			"Message_MeetingsAhead", "Gateway_DriftNoticed", "Task_CheckDrift", "Gateway_AskDecision",
			"End_NothingToAsk", "Task_NotifyDrift", "Task_ReviewAgreement", "End_AgreementReviewed",
			"Timer_ReviewLapses", "End_ReviewLapsed", "Timer_RemindReview", "Task_RemindReview", "End_ReviewReminded");

	private final List<String> instances = new ArrayList<>();

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	HistoryService historyService;

	private Account mentee;

	private Account mentor;

	@BeforeEach
	void participants() {
		init(this.processEngine);
		this.clock.setTo(Instant.parse("2027-01-10T09:00:00Z"));
		this.mentee = signUpWith("Nora", "Drift", "EN", "America/New_York", "MENTEE");
		this.mentor = signUpWith("Otto", "Drift", "DE", "Europe/Vienna", "MENTOR");
	}

	@Test
	void periodEndingAsksOnceAndAgainAfterAnAmendmentDepartsAnew() throws Exception {
		UUID id = active(this.mentee, this.mentor);
		ProcessInstance lifecycle = lifecycle(id);
		assertThat(lifecycle).isWaitingAt("Task_WatchAgreement", "Timer_InactivityDue");
		assertThat(drift(id)).containsEntry("drift", "ON_TRACK");
		this.clock.setTo(Instant.parse("2027-06-01T09:00:00Z"));
		assertThat(drift(id)).containsEntry("drift", "BEHIND");
		mail.purge();

		this.clock.setTo(Instant.parse("2027-12-11T08:00:00Z"));
		runJobs(id);

		assertThat(lifecycle).hasPassed("Timer_PeriodEndNear", "Task_CheckDrift", "Task_NotifyDrift")
			.isWaitingAt("Task_ReviewAgreement");
		assertThat(drift(id)).containsEntry("drift", "PERIOD_ENDING")
			.containsEntry("driftSince", Instant.parse("2027-12-11T00:00:00Z"));
		assertThat(reviewTasks(id)).isEqualTo(1);
		assertThat(asks(id)).containsExactly("1:PERIOD_ENDING");
		MimeMessage english = only(driftMails(this.mentee));
		assertThat(english.getSubject())
			.isEqualTo("Your mentoring agreement with Otto Drift departs from what happened");
		assertThat(TestMailServer.text(english)).contains("version 1 of your agreement")
			.contains("The agreed period ends on December 31, 2027, and 0 of the 6 agreed meetings have been held.")
			.contains("amend the agreement");
		MimeMessage german = only(driftMails(this.mentor));
		assertThat(german.getSubject()).isEqualTo("Ihre Mentoring-Vereinbarung mit Nora Drift weicht vom Verlauf ab");
		assertThat(TestMailServer.text(german)).contains(
				"Der vereinbarte Zeitraum endet am 31. Dezember 2027, und 0 der 6 vereinbarten Treffen haben stattgefunden.");

		// either side's closure proposal answers the review; declined, it does not ask
		// again
		mutate(signIn(this.mentor), "proposeClosure", Map.of("mentorshipId", id));
		assertThat(reviewTasks(id)).isZero();
		assertThat(lifecycle).hasPassed("End_AgreementReviewed");
		mutate(signIn(this.mentee), "declineClosure", Map.of("mentorshipId", id, "message", "One more try"));
		runJobs(id);
		assertThat(reviewTasks(id)).isZero();
		assertThat(asks(id)).containsExactly("1:PERIOD_ENDING");

		// the period ends: a new condition, asked once
		this.clock.setTo(Instant.parse("2028-01-01T08:00:00Z"));
		runJobs(id);
		assertThat(lifecycle).hasPassed("Timer_PeriodOver");
		assertThat(drift(id)).containsEntry("drift", "PERIOD_OVER")
			.containsEntry("driftSince", Instant.parse("2028-01-01T00:00:00Z"));
		assertThat(asks(id)).containsExactly("1:PERIOD_ENDING", "1:PERIOD_OVER");
		assertThat(reviewTasks(id)).isEqualTo(1);

		// submitting an amendment answers it; the approved version moves the timers
		Map<String, Object> amended = Scenarios.terms(id, 8);
		amended.put("periodStart", "2027-01-01");
		amended.put("periodEnd", "2028-06-30");
		this.scenarios.saveAgreement(signIn(this.mentee), amended).errors().verify();
		this.scenarios.submitAgreement(signIn(this.mentee), id).errors().verify();
		assertThat(reviewTasks(id)).isZero();
		this.scenarios.decideAgreement(signIn(this.mentor), "approveAgreement", id, 2, null).errors().verify();
		runJobs(id);
		assertThat(lifecycle).isWaitingAt("Task_WatchAgreement");
		assertThat(drift(id)).containsEntry("drift", "BEHIND");
		assertThat(dueDates(id)).contains(Instant.parse("2028-06-10T00:00:00Z"), Instant.parse("2028-07-01T00:00:00Z"));
		mail.purge();

		this.clock.setTo(Instant.parse("2028-06-10T08:00:00Z"));
		runJobs(id);
		assertThat(asks(id)).containsExactly("1:PERIOD_ENDING", "1:PERIOD_OVER", "2:PERIOD_ENDING");
		assertThat(TestMailServer.text(only(driftMails(this.mentee))))
			.contains("The agreed period ends on June 30, 2028, and 0 of the 8 agreed meetings have been held.");
		assertThat(reviewTasks(id)).isEqualTo(1);
	}

	@Test
	void moreMeetingsThanAgreedAskOncePerVersion() throws Exception {
		UUID id = accepted(this.mentee, this.mentor);
		ProcessInstance lifecycle = lifecycle(id);
		this.scenarios.saveAgreement(this.mentee, Scenarios.terms(id, 1)).errors().verify();
		this.scenarios.submitAgreement(this.mentee, id).errors().verify();
		this.scenarios.decideAgreement(this.mentor, "approveAgreement", id, 1, null).errors().verify();
		runJobs(id);
		held(id, "2027-01-20T10:00Z");
		assertThat(asks(id)).isEmpty();
		assertThat(drift(id)).containsEntry("drift", "ON_TRACK").containsEntry("meetingsHeld", 1);

		held(id, "2027-01-27T10:00Z");
		assertThat(lifecycle).hasPassed("Message_MeetingsAhead", "Task_NotifyDrift")
			.isWaitingAt("Task_ReviewAgreement");
		assertThat(drift(id)).containsEntry("drift", "AHEAD").containsEntry("meetingsHeld", 2);
		assertThat(asks(id)).containsExactly("1:AHEAD");
		held(id, "2027-02-03T10:00Z");
		assertThat(lifecycle).hasPassed("End_NothingToAsk");
		assertThat(asks(id)).containsExactly("1:AHEAD");
		assertThat(reviewTasks(id)).isEqualTo(1);

		// an amendment with more meetings: submitted, it answers the review; nothing asks
		// while it is pending
		this.scenarios.saveAgreement(signIn(this.mentee), Scenarios.terms(id, 5)).errors().verify();
		this.scenarios.submitAgreement(signIn(this.mentee), id).errors().verify();
		assertThat(reviewTasks(id)).isZero();
		held(id, "2027-02-10T10:00Z");
		assertThat(asks(id)).containsExactly("1:AHEAD");
		this.scenarios.decideAgreement(signIn(this.mentor), "approveAgreement", id, 2, null).errors().verify();
		assertThat(drift(id)).containsEntry("drift", "ON_TRACK").containsEntry("meetingsHeld", 4);

		// an amendment below the meetings held departs anew as soon as it is approved
		this.scenarios.saveAgreement(signIn(this.mentee), Scenarios.terms(id, 3)).errors().verify();
		this.scenarios.submitAgreement(signIn(this.mentee), id).errors().verify();
		this.scenarios.decideAgreement(signIn(this.mentor), "approveAgreement", id, 3, null).errors().verify();
		assertThat(asks(id)).containsExactly("1:AHEAD", "3:AHEAD");
		assertThat(reviewTasks(id)).isEqualTo(1);
		as(signIn(this.mentee)).documentName("myTasks")
			.execute()
			.path("myTasks.edges[*].node.kind")
			.entityList(String.class)
			.contains("REVIEW_AGREEMENT");
	}

	@Test
	void anUnansweredReviewIsRemindedThenLapsesAndNothingIsDecided() throws Exception {
		UUID id = active(this.mentee, this.mentor);
		ProcessInstance lifecycle = lifecycle(id);
		this.clock.setTo(Instant.parse("2028-01-02T08:00:00Z"));
		runJobs(id);
		assertThat(asks(id)).containsExactly("1:PERIOD_OVER");
		mail.purge();
		this.clock.advance(Duration.ofDays(7).plusMinutes(1));
		runJobs(id);
		assertThat(lifecycle).hasPassed("Timer_RemindReview", "Task_RemindReview", "End_ReviewReminded")
			.isWaitingAt("Task_ReviewAgreement");
		MimeMessage reminder = only(driftMails(this.mentee));
		assertThat(reminder.getSubject()).isEqualTo("Reminder: your agreement with Otto Drift waits for your review");
		assertThat(driftMails(this.mentor)).isEmpty();
		this.clock.advance(Duration.ofDays(7));
		runJobs(id);
		assertThat(lifecycle).hasPassed("Timer_ReviewLapses", "End_ReviewLapsed").isWaitingAt("Task_WatchAgreement");
		assertThat(reviewTasks(id)).isZero();
		assertThat(drift(id)).containsEntry("drift", "PERIOD_OVER");
		assertThat(this.jdbc.queryForObject("select status from mentorships where id = ?", String.class, id.toString()))
			.isEqualTo("ACTIVE");
	}

	@AfterAll
	void driftCheckIsCovered() {
		ProcessCoverage coverage = ProcessCoverage
			.of(this.repositoryService, this.historyService, LifecycleProcess.KEY, this.instances)
			.writeReport();
		assertThat(coverage.missed(DRIFT_CHECK::contains)).isEmpty();
	}

	/** A meeting at {@code start}, proposed, scheduled and confirmed by both: HELD. */
	private void held(UUID id, String start) {
		UUID meeting = this.scenarios.proposed(signIn(this.mentee), id, slot(start));
		this.scenarios.schedule(signIn(this.mentor), meeting, 0).errors().verify();
		this.clock.setTo(Instant.parse(start.replace("Z", ":00Z")).plus(Duration.ofHours(2)));
		runJobs(id);
		this.scenarios.held(this.mentee, this.mentor, meeting);
		runJobs(id);
	}

	private Map<String, Object> drift(UUID id) {
		Map<String, Object> progress = new HashMap<>(as(signIn(this.mentee))
			.document("query($id: ID!) { mentorship(id: $id) { progress { meetingsHeld drift driftSince } } }")
			.variable("id", id)
			.execute()
			.path("mentorship.progress")
			.entity(Map.class)
			.get());
		if (progress.get("driftSince") != null) {
			progress.put("driftSince", OffsetDateTime.parse((String) progress.get("driftSince")).toInstant());
		}
		return progress;
	}

	private List<String> asks(UUID id) {
		return this.jdbc.queryForList("""
				select concat(agreement_version, ':', drift) from agreement_drift_asks
				where mentorship_id = ? order by agreement_version, asked_at, drift""", String.class, id.toString());
	}

	private long reviewTasks(UUID id) {
		return this.taskService.createTaskQuery()
			.processInstanceBusinessKey(id.toString())
			.taskDefinitionKey(LifecycleProcess.REVIEW_AGREEMENT)
			.count();
	}

	private List<Instant> dueDates(UUID id) {
		return jobs(id).stream()
			.filter((job) -> job.getDuedate() != null)
			.map((job) -> job.getDuedate().toInstant())
			.toList();
	}

	/** The drift mails and review reminders the member received. */
	private List<MimeMessage> driftMails(Account member) {
		return mail.to(member.email()).stream().filter((message) -> {
			try {
				String subject = message.getSubject();
				return subject.contains("departs from what happened") || subject.contains("weicht vom Verlauf ab")
						|| subject.contains("waits for your review") || subject.contains("wartet auf Ihre Prüfung");
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static MimeMessage only(List<MimeMessage> messages) {
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private ProcessInstance lifecycle(UUID mentorshipId) {
		ProcessInstance lifecycle = processInstanceQuery().processInstanceBusinessKey(mentorshipId.toString())
			.processDefinitionKey(LifecycleProcess.KEY)
			.singleResult();
		this.instances.add(lifecycle.getId());
		return lifecycle;
	}

	private void mutate(Account member, String mutation, Map<String, Object> input) {
		as(member).documentName(mutation).variable("input", input).execute().errors().verify();
	}

}
