package at.alma.mentoring.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.platform.RetentionSettings;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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

	@Autowired
	HistoryService historyService;

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
	void aDefinitionWhoseTimeToLiveDiffersGetsTheSettingWithoutANewVersionAndItsEndedInstancesFollow() {
		ProcessDefinition lifecycle = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("mentorship-lifecycle")
			.latestVersion()
			.singleResult();
		long versions = this.repositoryService.createProcessDefinitionQuery().count();
		// as if an earlier start had set 3 days: a mentorship ends under it
		this.repositoryService.updateProcessDefinitionHistoryTimeToLive(lifecycle.getId(), 3);
		Instant end = Instant.parse("2027-02-01T10:00:00Z");
		this.clock.setTo(end.minus(Duration.ofDays(1)));
		Account mentee = signUp("Tilda", "Ttl", "MENTEE");
		Account mentor = signUp("Ulrich", "Ttl", "MENTOR");
		UUID mentorship = active(mentee, mentor);
		this.clock.setTo(end);
		as(signIn(mentee)).documentName("terminateMentorship")
			.variable("input", Map.of("mentorshipId", mentorship, "reason", "Other plans"))
			.execute()
			.path("terminateMentorship.mentorship.status")
			.entity(String.class)
			.isEqualTo("TERMINATED");
		runJobs(mentorship);
		assertThat(removalTime(mentorship)).isEqualTo(end.plus(Duration.ofDays(3)));

		assertThat(this.timeToLive.apply()).containsExactly(lifecycle.getId());
		assertThat(this.repositoryService.getProcessDefinition(lifecycle.getId()).getHistoryTimeToLive())
			.isEqualTo(180);
		assertThat(this.repositoryService.createProcessDefinitionQuery().count()).isEqualTo(versions);
		runBatches();
		assertThat(removalTime(mentorship)).isEqualTo(end.plus(Duration.ofDays(180)));
		// nothing differs any more
		assertThat(this.timeToLive.apply()).isEmpty();
	}

	private Instant removalTime(UUID mentorship) {
		HistoricProcessInstance instance = this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(mentorship.toString())
			.processDefinitionKey("mentorship-lifecycle")
			.singleResult();
		return instance.getRemovalTime().toInstant();
	}

	/**
	 * Runs the jobs of every batch (seed, per-instance, monitor) until the batches are
	 * done.
	 */
	private void runBatches() {
		for (int round = 0; round < 20; round++) {
			List<Batch> batches = this.managementService.createBatchQuery().list();
			if (batches.isEmpty()) {
				return;
			}
			for (Batch batch : batches) {
				for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
						batch.getMonitorJobDefinitionId())) {
					this.managementService.createJobQuery()
						.jobDefinitionId(definition)
						.list()
						.forEach((job) -> this.managementService.executeJob(job.getId()));
				}
			}
		}
		throw new IllegalStateException("Batches keep running");
	}

}
