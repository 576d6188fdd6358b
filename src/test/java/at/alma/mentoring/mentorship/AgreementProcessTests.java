package at.alma.mentoring.mentorship;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import java.util.UUID;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.mentorship.agreement.AgreementApprovalProcess;
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

import static at.alma.mentoring.Scenarios.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

/**
 * Every path of {@code bpmn/agreement-approval.bpmn} and of the lifecycle's agreement and
 * amendment stages, with the real engine. Asserts full flow-node coverage of the approval
 * process at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementProcessTests extends ApiTest {

	/**
	 * The lifecycle's agreement and amendment stages (the closure comes with its own
	 * tests).
	 */
	private static final java.util.Set<String> AGREEMENT_STAGES = java.util.Set.of("SubProcess_Mentorship",
			"Start_Mentorship", "Task_WriteAgreement", "Call_AgreementApproval", "Task_NotifyMenteeApproved",
			"SubProcess_Active", "Start_Active", "EventSubProcess_Amendment", "Start_AmendmentSubmitted",
			"Call_AmendmentApproval", "Task_NotifyMenteeAmendmentApproved", "End_AmendmentDone");

	private final List<String> approvals = new ArrayList<>();

	private final List<String> lifecycles = new ArrayList<>();

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
		this.mentor = signUp("Agnes", "Flow", "MENTOR");
		this.mentee = signUp("Boris", "Flow", "MENTEE");
	}

	@Test
	void approvalOfTheFirstAgreementLeadsIntoTheActiveStage() {
		UUID id = accepted(this.mentee, this.mentor);
		ProcessInstance lifecycle = lifecycle(id);
		assertThat(lifecycle).isWaitingAt(LifecycleProcess.WRITE_AGREEMENT);
		this.scenarios.saveAgreement(this.mentee, terms(id, 5));
		this.scenarios.submitAgreement(this.mentee, id);
		assertThat(lifecycle).isWaitingAt(LifecycleProcess.AGREEMENT_APPROVAL);
		ProcessInstance approval = approval(lifecycle);
		assertThat(approval).hasPassed("Task_NotifyMentorOfAgreement")
			.isWaitingAt(AgreementApprovalProcess.APPROVE_AGREEMENT);
		assertThat(approval).task(AgreementApprovalProcess.APPROVE_AGREEMENT).isAssignedTo(this.mentor.id().toString());
		runJobs(id);

		this.scenarios.decideAgreement(this.mentor, "approveAgreement", id, 1, null);
		assertThat(approval).hasPassed("Gateway_AgreementDecision", "End_AgreementApproved").isEnded();
		runJobs(id);
		assertThat(lifecycle).hasPassed("Task_NotifyMenteeApproved").isWaitingAt("Timer_InactivityDue");
	}

	@Test
	void changesRequestedGoBackToTheMenteeAndAroundAgain() {
		UUID id = accepted(this.mentee, this.mentor);
		this.scenarios.saveAgreement(this.mentee, terms(id, 5));
		this.scenarios.submitAgreement(this.mentee, id);
		ProcessInstance approval = approval(lifecycle(id));
		this.scenarios.decideAgreement(this.mentor, "requestAgreementChanges", id, 1, "More topics, please");
		runJobs(id);
		assertThat(approval).hasPassed("Task_NotifyMenteeChangesRequested")
			.isWaitingAt(AgreementApprovalProcess.REVISE_AGREEMENT)
			.task()
			.isAssignedTo(this.mentee.id().toString());
		this.scenarios.saveAgreement(this.mentee, terms(id, 7));
		this.scenarios.submitAgreement(this.mentee, id);
		assertThat(approval).isWaitingAt(AgreementApprovalProcess.APPROVE_AGREEMENT);
		runJobs(id);
		this.scenarios.decideAgreement(this.mentor, "approveAgreement", id, 1, null);
		assertThat(approval).isEnded();
	}

	@Test
	void aWaitingApprovalRemindsTheMentor() {
		this.clock.setTo(Instant.parse("2026-06-01T10:00:00Z"));
		UUID id = accepted(this.mentee, this.mentor);
		this.scenarios.saveAgreement(this.mentee, terms(id, 5));
		this.scenarios.submitAgreement(this.mentee, id);
		ProcessInstance approval = approval(lifecycle(id));
		runJobs(id);
		mail.purge();
		this.clock.advance(Duration.ofDays(3).plusMinutes(1));
		runJobs(id);
		assertThat(approval).hasPassed("Timer_RemindApproval", "Task_RemindApproval", "End_MentorRemindedOfAgreement")
			.isWaitingAt(AgreementApprovalProcess.APPROVE_AGREEMENT);
		assertThat(mail.to(this.mentor.email())).extracting((message) -> message.getSubject())
			.containsExactly("Erinnerung: Die Mentoring-Vereinbarung mit Boris Flow wartet auf Sie");
		this.scenarios.decideAgreement(signIn(this.mentor), "approveAgreement", id, 1, null);
		assertThat(approval).isEnded();
	}

	@Test
	void anAmendmentRunsTheSameApprovalInsideTheActiveStage() {
		UUID id = active(this.mentee, this.mentor);
		ProcessInstance lifecycle = lifecycle(id);
		this.scenarios.saveAgreement(this.mentee, terms(id, 9));
		this.scenarios.submitAgreement(this.mentee, id);
		assertThat(lifecycle).hasPassed("Start_AmendmentSubmitted")
			.isWaitingAt("Call_AmendmentApproval", "Timer_InactivityDue");
		ProcessInstance approval = approval(lifecycle);
		this.scenarios.decideAgreement(this.mentor, "approveAgreement", id, 2, null);
		runJobs(id);
		assertThat(approval).isEnded();
		assertThat(lifecycle).hasPassed("Task_NotifyMenteeAmendmentApproved", "End_AmendmentDone")
			.isWaitingAt("Timer_InactivityDue");
	}

	@AfterAll
	void approvalProcessIsFullyCovered() {
		ProcessCoverage coverage = ProcessCoverage
			.of(this.repositoryService, this.historyService, AgreementApprovalProcess.KEY, this.approvals)
			.writeReport();
		assertThat(coverage.missed((node) -> true)).isEmpty();
		ProcessCoverage lifecycle = ProcessCoverage.of(this.repositoryService, this.historyService,
				LifecycleProcess.KEY, this.lifecycles);
		assertThat(lifecycle.missed(AGREEMENT_STAGES::contains)).isEmpty();
	}

	private ProcessInstance lifecycle(UUID mentorshipId) {
		ProcessInstance lifecycle = processInstanceQuery().processInstanceBusinessKey(mentorshipId.toString())
			.processDefinitionKey(LifecycleProcess.KEY)
			.singleResult();
		this.lifecycles.add(lifecycle.getId());
		return lifecycle;
	}

	private ProcessInstance approval(ProcessInstance lifecycle) {
		ProcessInstance approval = processInstanceQuery().superProcessInstanceId(lifecycle.getId()).singleResult();
		assertThat(approval.getBusinessKey()).isEqualTo(lifecycle.getBusinessKey());
		this.approvals.add(approval.getId());
		return approval;
	}

}
