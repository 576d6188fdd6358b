package at.alma.mentoring.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import at.alma.mentoring.ApiTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code Task.kind} comes from the process classes' tables, not from the BPMN ids: every
 * user task of every model in {@code bpmn/} and of every process version the engine has
 * deployed maps to a kind, and a task no table declares is an error.
 */
class TaskKindsTests extends ApiTest {

	@Autowired
	TaskKinds taskKinds;

	@Autowired
	List<UserTaskKinds> processes;

	@Autowired
	RepositoryService repositoryService;

	@Test
	void everyUserTaskOfTheBpmnFolderHasAKind() throws IOException {
		List<String> checked = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".bpmn")).sorted().toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					checked.addAll(kindsOf(file.toString(), Bpmn.readModelFromStream(in)));
				}
			}
		}
		assertThat(checked).contains("bpmn/mentorship-lifecycle.bpmn Task_ReviewRequest REVIEW_REQUEST",
				"bpmn/agreement-approval.bpmn Task_ApproveAgreement APPROVE_AGREEMENT",
				"bpmn/meeting-confirmation.bpmn Task_ConfirmByMentor CONFIRM_BY_MENTOR");
		assertThat(checked).hasSize(10);
	}

	@Test
	void everyUserTaskOfEveryDeployedVersionHasAKind() {
		List<ProcessDefinition> definitions = this.repositoryService.createProcessDefinitionQuery().list();
		assertThat(definitions).isNotEmpty();
		for (ProcessDefinition definition : definitions) {
			kindsOf(definition.getKey() + ":" + definition.getVersion(),
					this.repositoryService.getBpmnModelInstance(definition.getId()));
		}
	}

	@Test
	void eachProcessTableCoversTheUserTasksOfItsModel() throws IOException {
		for (UserTaskKinds process : this.processes) {
			Path file = Path.of("bpmn", process.processKey() + ".bpmn");
			try (InputStream in = Files.newInputStream(file)) {
				List<String> userTasks = Bpmn.readModelFromStream(in)
					.getModelElementsByType(UserTask.class)
					.stream()
					.map(UserTask::getId)
					.toList();
				// may hold more: ids of older versions still running
				assertThat(process.byTaskId().keySet()).as(process.processKey()).containsAll(userTasks);
			}
		}
	}

	@Test
	void aUserTaskWithoutAKindFailsLoudly() {
		assertThatIllegalStateException().isThrownBy(() -> this.taskKinds.of("Task_NotInAnyProcess"))
			.withMessageContaining("Task_NotInAnyProcess");
	}

	@Test
	void twoProcessesCannotGiveOneTaskIdDifferentKinds() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new TaskKinds(List.of(new UserTaskKinds("a", Map.of("Task_X", TaskKind.REVIEW_REQUEST)),
					new UserTaskKinds("b", Map.of("Task_X", TaskKind.CONFIRM_CLOSURE)))))
			.withMessageContaining("Task_X");
	}

	private List<String> kindsOf(String source, BpmnModelInstance model) {
		return model.getModelElementsByType(UserTask.class)
			.stream()
			.map((task) -> source + " " + task.getId() + " " + this.taskKinds.of(task.getId()))
			.toList();
	}

}
