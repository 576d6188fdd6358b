package at.alma.mentoring.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

	@AfterAll
	void everyFlowNodeIsCovered() {
		ProcessCoverage coverage = ProcessCoverage
			.of(this.repositoryService, this.historyService, MeetingProcess.KEY, this.instances)
			.writeReport();
		assertThat(coverage.missed((node) -> true)).isEmpty();
	}

	private ProcessInstance instance(UUID meetingId) {
		ProcessInstance instance = processInstanceQuery().processDefinitionKey(MeetingProcess.KEY)
			.variableValueEquals(MeetingProcess.MEETING_ID, meetingId.toString())
			.singleResult();
		assertThat(instance.getBusinessKey()).isEqualTo(this.mentorship.toString());
		this.instances.add(instance.getId());
		return instance;
	}

}
