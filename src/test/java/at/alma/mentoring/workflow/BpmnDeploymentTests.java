package at.alma.mentoring.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import at.alma.mentoring.ApiTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
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
	void deploysEveryFileOfTheBpmnFolderUnderItsPath() throws IOException {
		var files = bpmnFiles();
		assertThat(files).contains("bpmn/mentorship-lifecycle.bpmn");
		var deployment = this.repositoryService.createDeploymentQuery()
			.deploymentName(BpmnDeployer.DEPLOYMENT_NAME)
			.orderByDeploymentTime()
			.desc()
			.list()
			.get(0);
		var deployed = this.repositoryService.getDeploymentResources(deployment.getId())
			.stream()
			.map(Resource::getName)
			.collect(Collectors.toSet());
		assertThat(deployed).isEqualTo(files);
		for (ProcessDefinition definition : this.repositoryService.createProcessDefinitionQuery()
			.deploymentId(deployment.getId())
			.list()) {
			assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull();
			assertThat(definition.getResourceName()).startsWith("bpmn/");
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

	private static java.util.Set<String> bpmnFiles() throws IOException {
		Path root = Path.of("bpmn");
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter((path) -> path.toString().endsWith(".bpmn"))
				.map((path) -> "bpmn/" + root.relativize(path).toString().replace('\\', '/'))
				.collect(Collectors.toSet());
		}
	}

}
