package at.alma.mentoring.workflow;

import java.util.List;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.platform.RetentionSettings;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's history time to live comes from {@code mentoring.retention.process-history*}
 * and is set on the deployed definitions through the engine's API, not by a new
 * deployment.
 */
class ProcessHistoryTimeToLiveTests extends ApiTest {

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ProcessHistoryTimeToLive timeToLive;

	@Autowired
	RetentionSettings settings;

	@Test
	void everyDeployedDefinitionCarriesTheConfiguredTimeToLive() {
		List<ProcessDefinition> definitions = this.repositoryService.createProcessDefinitionQuery().list();
		assertThat(definitions).extracting(ProcessDefinition::getKey)
			.contains("mentorship-lifecycle", "agreement-approval", "meeting-confirmation", "mail-delivery",
					"chat-digest");
		assertThat(definitions).allSatisfy((definition) -> assertThat(definition.getHistoryTimeToLive())
			.isEqualTo(this.settings.processHistoryDays(definition.getKey())));
		assertThat(this.settings.processHistoryDays("mentorship-lifecycle")).isEqualTo(180);
		assertThat(this.settings.processHistoryDays("mail-delivery")).isEqualTo(30);
	}

	@Test
	void aDefinitionWhoseTimeToLiveDiffersGetsTheSettingWithoutANewVersion() {
		ProcessDefinition lifecycle = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("mentorship-lifecycle")
			.latestVersion()
			.singleResult();
		long versions = this.repositoryService.createProcessDefinitionQuery().count();
		this.repositoryService.updateProcessDefinitionHistoryTimeToLive(lifecycle.getId(), 3);

		assertThat(this.timeToLive.apply()).containsExactly(lifecycle.getId());
		assertThat(this.repositoryService.getProcessDefinition(lifecycle.getId()).getHistoryTimeToLive())
			.isEqualTo(180);
		assertThat(this.repositoryService.createProcessDefinitionQuery().count()).isEqualTo(versions);
		// nothing differs any more
		assertThat(this.timeToLive.apply()).isEmpty();
	}

}
