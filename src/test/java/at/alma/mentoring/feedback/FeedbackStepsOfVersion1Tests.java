package at.alma.mentoring.feedback;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.meeting.MeetingHeld;
import at.alma.mentoring.mentorship.MentorshipCompleted;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances of versionTag 1 still run the feedback steps of their model while the
 * listeners ask on the published facts: each member is asked once either way. (The
 * mentorship is only an id here: feedback refers to it by id.)
 */
class FeedbackStepsOfVersion1Tests extends ApiTest {

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	HistoryService historyService;

	@Autowired
	FeedbackRequests requests;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	private final UUID mentorship = UUID.randomUUID();

	private UUID mentee;

	private UUID mentor;

	private final List<String> deployments = new ArrayList<>();

	@BeforeEach
	void members() {
		this.mentee = signUp("Vera", "Eins", "MENTEE").id();
		this.mentor = signUp("Veit", "Eins", "MENTOR").id();
	}

	@AfterEach
	void removeVersion1() {
		this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.mentorship.toString())
			.list()
			.forEach((instance) -> this.runtimeService.deleteProcessInstanceIfExists(instance.getId(), "test over",
					true, true, true, false));
		this.deployments.forEach((id) -> this.repositoryService.deleteDeployment(id, true, true, true));
	}

	@Test
	void theMeetingStepOfVersion1AsksNobodyTheListenerAsked() throws IOException {
		UUID meeting = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> this.events
			.publishEvent(new MeetingHeld(meeting, this.mentorship, this.mentee, this.mentor, false)));
		assertAskedOnce(FeedbackOccasion.MEETING);

		runVersion1Step("meeting-confirmation", "Task_RequestMeetingFeedback", Map.of("meetingId", meeting.toString()));

		assertAskedOnce(FeedbackOccasion.MEETING);
	}

	@Test
	void theClosingStepOfVersion1AsksNobodyTheListenerAsked() throws IOException {
		this.transactions.executeWithoutResult((status) -> this.events
			.publishEvent(new MentorshipCompleted(this.mentorship, this.mentee, this.mentor)));
		assertAskedOnce(FeedbackOccasion.CLOSURE);

		runVersion1Step("mentorship-lifecycle", "Task_RequestClosingFeedback", Map.of());

		assertAskedOnce(FeedbackOccasion.CLOSURE);
	}

	@Test
	void theStepOfVersion1AsksWhenItRunsFirst() throws IOException {
		UUID meeting = UUID.randomUUID();
		runVersion1Step("meeting-confirmation", "Task_RequestMeetingFeedback", Map.of("meetingId", meeting.toString()));
		assertAskedOnce(FeedbackOccasion.MEETING);

		this.transactions.executeWithoutResult((status) -> this.events
			.publishEvent(new MeetingHeld(meeting, this.mentorship, this.mentee, this.mentor, false)));

		assertAskedOnce(FeedbackOccasion.MEETING);
	}

	private void assertAskedOnce(FeedbackOccasion occasion) {
		assertThat(this.requests.count(this.mentorship, occasion, this.mentee)).isEqualTo(1);
		assertThat(this.requests.count(this.mentorship, occasion, this.mentor)).isEqualTo(1);
	}

	/** Runs the released model of versionTag 1 from the step on (in one transaction). */
	private void runVersion1Step(String key, String step, Map<String, Object> more) throws IOException {
		byte[] model = Files.readAllBytes(Path.of("src/test/resources/process-releases", key, "1.bpmn"));
		String deployment = this.repositoryService.createDeployment()
			.name("feedback-steps-of-version-1")
			.addInputStream(key + ".bpmn", new ByteArrayInputStream(model))
			.deploy()
			.getId();
		this.deployments.add(deployment);
		ProcessDefinition definition = this.repositoryService.createProcessDefinitionQuery()
			.deploymentId(deployment)
			.singleResult();
		Map<String, Object> variables = new HashMap<>(more);
		variables.put("mentorshipId", this.mentorship.toString());
		variables.put("menteeId", this.mentee.toString());
		variables.put("mentorId", this.mentor.toString());
		this.runtimeService.createProcessInstanceById(definition.getId())
			.businessKey(this.mentorship.toString())
			.setVariables(variables)
			.startBeforeActivity(step)
			.execute();
		assertThat(this.historyService.createHistoricActivityInstanceQuery()
			.processDefinitionId(definition.getId())
			.activityId(step)
			.finished()
			.count()).as("%s of %s ran", step, key).isEqualTo(1);
	}

}
