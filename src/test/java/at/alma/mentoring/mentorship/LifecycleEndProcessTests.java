package at.alma.mentoring.mentorship;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

import static at.alma.mentoring.Scenarios.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

/**
 * The closure stage and the early end of {@code bpmn/mentorship-lifecycle.bpmn}:
 * confirmed, declined, reminded, lapsed, terminated; and the meeting event subprocess.
 * Asserts that these flow nodes are all covered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleEndProcessTests extends ApiTest {

	private static final Set<String> END_STAGES = Set.of("EventSubProcess_Closure", "Start_ClosureProposed",
			"Task_NotifyClosureProposed", "Task_ConfirmClosure", "Gateway_ClosureDecision", "End_ClosureConfirmed",
			"Task_NotifyClosureDeclined", "End_ClosureDeclined", "Timer_RemindClosure", "Task_RemindClosure",
			"End_ClosureReminded", "Timer_ClosureLapses", "Task_LapseClosure", "Task_NotifyClosureLapsed",
			"End_ClosureLapsed", "Escalation_MentorshipCompleted", "Task_NotifyCompleted", "Task_IssueCertificates",
			"End_Completed", "Message_MentorshipTerminated", "Task_NotifyTerminated", "End_Terminated",
			"EventSubProcess_Meeting", "Start_MeetingProposed", "Call_MeetingConfirmation", "End_MeetingDone",
			"Gateway_InactivityLoop", "Task_PlanInactivityCheck", "Timer_InactivityDue", "Task_CheckInactivity");

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
		this.clock.setTo(Instant.parse("2027-01-04T09:00:00Z"));
		this.mentee = signUp("Olga", "Ende", "MENTEE");
		this.mentor = signUp("Paul", "Ende", "MENTOR");
	}

	@Test
	void proposalDeclinedThenRemindedThenConfirmed() {
		UUID id = active(this.mentee, this.mentor);
		ProcessInstance lifecycle = lifecycle(id);
		UUID meeting = this.scenarios.proposed(this.mentee, id, slot("2027-01-10T10:00Z"));
		this.scenarios.schedule(this.mentor, meeting, 0);
		this.clock.setTo(Instant.parse("2027-01-10T11:00:00Z"));
		runJobs(id);
		this.scenarios.confirm(signIn(this.mentee), meeting);
		this.scenarios.confirm(signIn(this.mentor), meeting);
		assertThat(lifecycle).hasPassed("Call_MeetingConfirmation", "End_MeetingDone");

		mutate(signIn(this.mentee), "proposeClosure", Map.of("mentorshipId", id));
		mutate(signIn(this.mentor), "declineClosure", Map.of("mentorshipId", id, "message", "Not yet"));
		assertThat(lifecycle).hasPassed("Task_NotifyClosureDeclined", "End_ClosureDeclined");
		mutate(signIn(this.mentee), "proposeClosure", Map.of("mentorshipId", id));
		this.clock.advance(Duration.ofDays(3).plusMinutes(1));
		runJobs(id);
		assertThat(lifecycle).hasPassed("Timer_RemindClosure", "Task_RemindClosure", "End_ClosureReminded")
			.isWaitingAt("Task_ConfirmClosure");
		mutate(signIn(this.mentor), "confirmClosure", Map.of("mentorshipId", id));
		runJobs(id);
		assertThat(lifecycle).hasPassed("Escalation_MentorshipCompleted", "Task_IssueCertificates", "End_Completed")
			.isEnded();
	}

	@Test
	void unansweredProposalLapsesAndTheMentorshipGoesOn() {
		UUID id = active(this.mentee, this.mentor);
		ProcessInstance lifecycle = lifecycle(id);
		mutate(this.mentor, "proposeClosure", Map.of("mentorshipId", id));
		this.clock.advance(Duration.ofDays(14).plusMinutes(1));
		runJobs(id);
		assertThat(lifecycle).hasPassed("Timer_ClosureLapses", "Task_LapseClosure", "End_ClosureLapsed")
			.isWaitingAt("Timer_InactivityDue");
		as(signIn(this.mentor)).document("query($id: ID!) { mentorship(id: $id) { status closure { proposedBy } } }")
			.variable("id", id)
			.execute()
			.path("mentorship.status")
			.entity(String.class)
			.isEqualTo("ACTIVE")
			.path("mentorship.closure")
			.valueIsNull();
		assertThat(mail.to(this.mentor.email())).extracting((message) -> message.getSubject())
			.contains("Ihr Vorschlag zum Abschluss des Mentorships mit Olga Ende ist abgelaufen");
	}

	@Test
	void terminationEndsEverything() {
		UUID id = active(this.mentee, this.mentor);
		ProcessInstance lifecycle = lifecycle(id);
		this.clock.advance(Duration.ofDays(31));
		runJobs(id);
		assertThat(lifecycle).hasPassed("Task_CheckInactivity").isWaitingAt("Timer_InactivityDue");
		mutate(signIn(this.mentee), "terminateMentorship", Map.of("mentorshipId", id, "reason", "Changed jobs"));
		runJobs(id);
		assertThat(lifecycle).hasPassed("Message_MentorshipTerminated", "Task_NotifyTerminated", "End_Terminated")
			.isEnded();
	}

	@AfterAll
	void endStagesAreCovered() {
		ProcessCoverage coverage = ProcessCoverage
			.of(this.repositoryService, this.historyService, "mentorship-lifecycle", this.instances)
			.writeReport();
		assertThat(coverage.missed(END_STAGES::contains)).isEmpty();
	}

	private ProcessInstance lifecycle(UUID mentorshipId) {
		ProcessInstance lifecycle = processInstanceQuery().processInstanceBusinessKey(mentorshipId.toString())
			.processDefinitionKey("mentorship-lifecycle")
			.singleResult();
		this.instances.add(lifecycle.getId());
		return lifecycle;
	}

	private void mutate(Account member, String mutation, Map<String, Object> input) {
		as(member).documentName(mutation).variable("input", input).execute().errors().verify();
	}

}
