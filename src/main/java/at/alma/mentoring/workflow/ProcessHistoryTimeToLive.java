package at.alma.mentoring.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import at.alma.mentoring.platform.RetentionSettings;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Camunda's history time to live as a setting ({@link RetentionSettings#processHistory()}
 * and {@code processHistoryOf}): at every start, after the deployment, each deployed
 * process definition (every version) whose time to live differs gets the configured one
 * through the engine's API. The BPMN files keep the value they were deployed with: an
 * edit there would deploy a new version. The history cleanup (removal-time based, in its
 * nightly window) removes an ended root instance's history, its called instances
 * included, that many days after the root ended; the time is fixed when the root ends, so
 * a change applies to instances that end afterwards.
 */
@Component
class ProcessHistoryTimeToLive {

	private static final Logger logger = LoggerFactory.getLogger(ProcessHistoryTimeToLive.class);

	private final RepositoryService repositoryService;

	private final HistoryService historyService;

	private final RetentionSettings settings;

	ProcessHistoryTimeToLive(RepositoryService repositoryService, HistoryService historyService,
			RetentionSettings settings) {
		this.repositoryService = repositoryService;
		this.historyService = historyService;
		this.settings = settings;
	}

	@EventListener(ApplicationStartedEvent.class)
	void onStart() {
		apply();
	}

	/**
	 * Sets the configured time to live where it differs; returns the definitions changed.
	 */
	List<String> apply() {
		List<String> changed = new ArrayList<>();
		for (ProcessDefinition definition : this.repositoryService.createProcessDefinitionQuery().list()) {
			int days = this.settings.processHistoryDays(definition.getKey());
			if (Objects.equals(definition.getHistoryTimeToLive(), days)) {
				continue;
			}
			try {
				this.repositoryService.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
				changed.add(definition.getId());
				recalculateRemovalTimes(definition.getId());
				logger.info("History time to live of {} (version {}): {} days, was {}", definition.getKey(),
						definition.getVersion(), days, definition.getHistoryTimeToLive());
			}
			catch (OptimisticLockingException ex) {
				// another node starting at the same time set it
				logger.info("History time to live of {} set by another node", definition.getId());
			}
		}
		return changed;
	}

	/**
	 * Starts the batch that sets the removal times of the definition's ended roots anew.
	 */
	private void recalculateRemovalTimes(String definitionId) {
		HistoricProcessInstanceQuery ended = this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionId(definitionId)
			.rootProcessInstances()
			.finished();
		if (ended.count() == 0) {
			return;
		}
		this.historyService.setRemovalTimeToHistoricProcessInstances()
			.calculatedRemovalTime()
			.byQuery(ended)
			.hierarchical()
			.executeAsync();
	}

}
