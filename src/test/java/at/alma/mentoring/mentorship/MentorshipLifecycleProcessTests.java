package at.alma.mentoring.mentorship;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import at.alma.mentoring.ApiTest;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

/**
 * Every path of the request stage of {@code bpmn/mentorship-lifecycle.bpmn}, driven
 * through the API with the real engine; timers fire because the clock moves and the test
 * executes the due jobs. Ends by asserting that the request stage's flow nodes are all
 * covered (report in target/process-test-coverage).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MentorshipLifecycleProcessTests extends ApiTest {

	/** The request stage: everything up to the mentee's write-the-agreement task. */
	private static final Set<String> REQUEST_STAGE = Set.of("Start_MentorshipRequested", "Task_NotifyMentorOfRequest",
			"SubProcess_Request", "Start_Request", "Task_ReviewRequest", "End_RequestDecided", "Timer_RemindMentor",
			"Task_RemindMentor", "End_MentorReminded", "Timer_RequestExpires", "Task_ExpireRequest",
			"End_RequestExpired", "Message_RequestWithdrawn", "End_RequestWithdrawn", "Gateway_RequestOutcome",
			"Task_NotifyMenteeAccepted", "Task_NotifyMenteeDeclined", "End_Declined", "Task_NotifyMentorWithdrawn",
			"End_Withdrawn", "Task_NotifyMenteeExpired", "End_Expired");

	private final List<String> instances = new ArrayList<>();

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	HistoryService historyService;

	private Account mentor;

	private Account mentee;

	@BeforeEach
	void participants() {
		init(this.processEngine);
		this.mentor = signUp("Lotte", "Process", "MENTOR");
		this.mentee = signUp("Max", "Process", "MENTEE");
	}

	@Test
	void acceptedRequestMovesOnToTheAgreement() {
		UUID id = this.scenarios.requestedWithMessage(this.mentee, this.mentor);
		ProcessInstance instance = started(id);
		assertThat(instance).hasPassed("Task_NotifyMentorOfRequest").isWaitingAt(LifecycleProcess.REVIEW_REQUEST);
		assertThat(instance).task(LifecycleProcess.REVIEW_REQUEST).isAssignedTo(this.mentor.id().toString());
		runJobs(id);

		this.scenarios.act(this.mentor, "acceptMentorshipRequest", id);
		runJobs(id);
		assertThat(instance).hasPassed("End_RequestDecided", "Gateway_RequestOutcome", "Task_NotifyMenteeAccepted")
			.isWaitingAt(LifecycleProcess.WRITE_AGREEMENT)
			.task()
			.isAssignedTo(this.mentee.id().toString());
		assertThat(instance).variables().containsEntry("requestOutcome", "ACCEPTED");
	}

	@Test
	void declinedRequestEndsTheLifecycle() {
		UUID id = this.scenarios.requestedWithMessage(this.mentee, this.mentor);
		ProcessInstance instance = started(id);
		this.scenarios.decline(this.mentor, id, null);
		runJobs(id);
		assertThat(instance).hasPassed("Task_NotifyMenteeDeclined").isEnded();
		assertThat(instance).hasPassed("End_Declined");
	}

	@Test
	void withdrawnRequestEndsTheLifecycle() {
		UUID id = this.scenarios.requestedWithMessage(this.mentee, this.mentor);
		ProcessInstance instance = started(id);
		this.scenarios.act(this.mentee, "withdrawMentorshipRequest", id);
		runJobs(id);
		assertThat(instance)
			.hasPassed("Message_RequestWithdrawn", "End_RequestWithdrawn", "Task_NotifyMentorWithdrawn",
					"End_Withdrawn")
			.isEnded();
	}

	@Test
	void unansweredRequestIsRemindedThenExpires() {
		this.clock.setTo(Instant.parse("2026-05-04T08:00:00Z"));
		UUID id = this.scenarios.requestedWithMessage(this.mentee, this.mentor);
		ProcessInstance instance = started(id);
		runJobs(id);
		assertThat(instance).hasNotPassed("Timer_RemindMentor");

		this.clock.advance(Duration.ofDays(3).minusMinutes(1));
		runJobs(id);
		assertThat(instance).hasNotPassed("Timer_RemindMentor");
		this.clock.advance(Duration.ofMinutes(2));
		runJobs(id);
		assertThat(instance).hasPassed("Timer_RemindMentor", "Task_RemindMentor", "End_MentorReminded")
			.isWaitingAt(LifecycleProcess.REVIEW_REQUEST);

		this.clock.advance(Duration.ofDays(11));
		runJobs(id);
		assertThat(instance)
			.hasPassed("Timer_RequestExpires", "Task_ExpireRequest", "End_RequestExpired", "Task_NotifyMenteeExpired",
					"End_Expired")
			.isEnded();
	}

	@Test
	void timersFollowTheConfiguredDurations() {
		this.clock.setTo(Instant.parse("2026-05-04T08:00:00Z"));
		UUID id = this.scenarios.requestedWithMessage(this.mentee, this.mentor);
		ProcessInstance instance = started(id);
		assertThat(instance).variables()
			.containsEntry("requestReminderAfter", "PT72H")
			.containsEntry("requestExpiresAt", java.util.Date.from(Instant.parse("2026-05-18T08:00:00Z")));
		assertThat(instance).task(LifecycleProcess.REVIEW_REQUEST)
			.hasDueDate(java.util.Date.from(Instant.parse("2026-05-18T08:00:00Z")));
	}

	@AfterAll
	void requestStageIsFullyCovered() {
		ProcessCoverage coverage = ProcessCoverage
			.of(this.repositoryService, this.historyService, LifecycleProcess.KEY, this.instances)
			.writeReport();
		assertThat(coverage.missed(REQUEST_STAGE::contains)).isEmpty();
	}

	private ProcessInstance started(UUID mentorshipId) {
		ProcessInstance instance = processInstanceQuery().processInstanceBusinessKey(mentorshipId.toString())
			.processDefinitionKey(LifecycleProcess.KEY)
			.singleResult();
		this.instances.add(instance.getId());
		return instance;
	}

}
