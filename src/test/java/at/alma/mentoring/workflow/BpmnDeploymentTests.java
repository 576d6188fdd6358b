package at.alma.mentoring.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import at.alma.mentoring.ApiTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processes in the top-level {@code bpmn/} folder are what the engine runs, under
 * stable names.
 */
class BpmnDeploymentTests extends ApiTest {

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	BpmnDeployer deployer;

	@Test
	void theNewestVersionOfEveryProcessIsTheFileOfTheBpmnFolderUnderItsPath() throws IOException {
		var files = bpmnFiles();
		assertThat(files).contains("bpmn/mentorship-lifecycle.bpmn");
		var newest = this.repositoryService.createProcessDefinitionQuery().latestVersion().list();
		assertThat(newest).extracting(ProcessDefinition::getResourceName).containsAll(files);
		for (ProcessDefinition definition : newest) {
			if (!files.contains(definition.getResourceName())) {
				continue;
			}
			assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull();
			try (InputStream deployed = this.repositoryService.getResourceAsStream(definition.getDeploymentId(),
					definition.getResourceName())) {
				assertThat(deployed.readAllBytes()).as(definition.getResourceName())
					.isEqualTo(Files.readAllBytes(Path.of(definition.getResourceName())));
			}
		}
	}

	@Test
	void aRestartWithoutChangesDeploysNothing() {
		long deployments = this.repositoryService.createDeploymentQuery().count();
		long definitions = this.repositoryService.createProcessDefinitionQuery().count();
		// what the server does at every start
		this.deployer.deploy();
		this.deployer.deploy();
		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(this.repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
	}

	private static Set<String> bpmnFiles() throws IOException {
		Path root = Path.of("bpmn");
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter((path) -> path.toString().endsWith(".bpmn"))
				.map((path) -> "bpmn/" + root.relativize(path).toString().replace('\\', '/'))
				.collect(Collectors.toSet());
		}
	}

}
