package at.alma.mentoring.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import at.alma.mentoring.workflow.MigrationReport.InstanceResult;
import at.alma.mentoring.workflow.MigrationReport.Outcome;
import at.alma.mentoring.workflow.MigrationReport.ProcessResult;
import at.alma.mentoring.workflow.MigrationReport.Version;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the running instances of older process versions to the newest version, as each
 * process's {@link ProcessUpgrade} decides.
 * <p>
 * Every instance is first migrated alone in a transaction that is rolled back: that is
 * the dry run, and in a real run it sorts out the instances the plan does not fit, which
 * stay untouched on their version and are named in the report. The others are migrated by
 * one Camunda batch per old version (Cockpit's batch view), one instance per batch job,
 * so an instance is migrated whole or not at all. The command runs the batch jobs itself
 * and reports the version each instance is on afterwards.
 */
@Service
public class ProcessMigration {

	private static final Logger logger = LoggerFactory.getLogger(ProcessMigration.class);

	private static final int PAGE = 500;

	private final Map<String, ProcessUpgrade> upgrades;

	private final RepositoryService repositoryService;

	private final RuntimeService runtimeService;

	private final ManagementService managementService;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ProcessMigration(Collection<ProcessUpgrade> upgrades, RepositoryService repositoryService,
			RuntimeService runtimeService, ManagementService managementService,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.upgrades = upgrades.stream()
			.collect(Collectors.toMap(ProcessUpgrade::processKey, (upgrade) -> upgrade, (a, b) -> {
				throw new IllegalStateException("Two upgrade decisions for " + a.processKey());
			}, LinkedHashMap::new));
		this.repositoryService = repositoryService;
		this.runtimeService = runtimeService;
		this.managementService = managementService;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** The decision of every process, by key. */
	public Map<String, ProcessUpgrade> upgrades() {
		return this.upgrades;
	}

	/** Checks every instance on an older version; changes nothing. */
	public MigrationReport dryRun() {
		return migrate(false, (source) -> true);
	}

	/** Migrates every instance on an older version that the plan fits. */
	public MigrationReport run() {
		return migrate(true, (source) -> true);
	}

	/**
	 * Dry run or run for the instances of the older versions that {@code sources}
	 * accepts.
	 */
	MigrationReport migrate(boolean forReal, Predicate<ProcessDefinition> sources) {
		Instant at = this.clock.instant();
		long started = System.nanoTime();
		List<ProcessResult> processes = new ArrayList<>();
		List<InstanceResult> instances = new ArrayList<>();
		for (String key : deployedKeys()) {
			ProcessUpgrade upgrade = this.upgrades.getOrDefault(key, new RetiredProcess(key));
			ProcessDefinition newest = this.repositoryService.createProcessDefinitionQuery()
				.processDefinitionKey(key)
				.latestVersion()
				.singleResult();
			List<InstanceResult> results = new ArrayList<>();
			for (ProcessDefinition source : olderVersions(newest, sources)) {
				results.addAll((upgrade.decision() == ProcessUpgrade.Decision.CONTINUE) ? continuing(source)
						: migrate(upgrade, source, newest, forReal));
			}
			processes.add(new ProcessResult(key, upgrade.decision(), Version.of(newest), results.size(),
					count(results, Outcome.WOULD_MIGRATE, Outcome.MIGRATED),
					count(results, Outcome.REFUSED, Outcome.FAILED), count(results, Outcome.CONTINUES)));
			instances.addAll(results);
		}
		return new MigrationReport(forReal ? "run" : "dry-run", at,
				Duration.ofNanos(System.nanoTime() - started).toMillis(), processes, instances);
	}

	private List<InstanceResult> migrate(ProcessUpgrade upgrade, ProcessDefinition source, ProcessDefinition target,
			boolean forReal) {
		Version from = Version.of(source);
		Version to = Version.of(target);
		List<ProcessInstance> running = runningInstances(source);
		MigrationPlan plan;
		try {
			plan = upgrade.plan(this.runtimeService.createMigrationPlan(source.getId(), target.getId()), source);
		}
		catch (RuntimeException ex) {
			logger.warn("No migration plan from {} to {}: {}", source.getId(), target.getId(), ex.getMessage());
			return running.stream()
				.map((instance) -> result(instance, source, from, Outcome.REFUSED, "no plan: " + ex.getMessage()))
				.toList();
		}
		Map<String, Object> variables = upgrade.variablesBefore(source);
		List<InstanceResult> results = new ArrayList<>();
		List<ProcessInstance> fitting = new ArrayList<>();
		for (ProcessInstance instance : running) {
			String refusal = tryAndRollBack(upgrade, plan, instance.getId(), variables);
			if (refusal != null) {
				results.add(result(instance, source, from, Outcome.REFUSED, refusal));
			}
			else if (!forReal) {
				results.add(result(instance, source, to, Outcome.WOULD_MIGRATE, null));
			}
			else {
				fitting.add(instance);
			}
		}
		if (!fitting.isEmpty()) {
			if (!variables.isEmpty()) {
				this.transactions.executeWithoutResult((status) -> fitting
					.forEach((instance) -> this.runtimeService.setVariables(instance.getId(), variables)));
			}
			Batch batch = this.runtimeService.newMigration(plan)
				.processInstanceIds(fitting.stream().map(ProcessInstance::getId).toList())
				.executeAsync();
			logger.info("Migrating {} instances of {} to {} in batch {}", fitting.size(), source.getId(),
					target.getId(), batch.getId());
			Set<String> failedJobs = completeBatch(batch);
			Map<String, String> definitions = currentDefinitions(fitting);
			for (ProcessInstance instance : fitting) {
				boolean migrated = target.getId().equals(definitions.get(instance.getId()));
				results.add(migrated ? result(instance, source, to, Outcome.MIGRATED, afterMigration(upgrade, instance))
						: result(instance, source, from, Outcome.FAILED, "batch " + batch.getId() + ": "
								+ failedJobs.size() + " job(s) failed, see Cockpit's batch view"));
			}
		}
		return results;
	}

	/**
	 * Runs the upgrade's step after the migration; null when it went well, otherwise what
	 * failed (the instance is migrated either way).
	 */
	private String afterMigration(ProcessUpgrade upgrade, ProcessInstance instance) {
		try {
			this.transactions.executeWithoutResult((status) -> upgrade.migrated(instance.getId()));
			return null;
		}
		catch (RuntimeException ex) {
			logger.warn("After migrating {}: {}", instance.getId(), ex.getMessage());
			return "migrated, but the step after the migration failed: " + ex.getMessage();
		}
	}

	/** Null when the instance migrates; otherwise why not. */
	private String tryAndRollBack(ProcessUpgrade upgrade, MigrationPlan plan, String instanceId,
			Map<String, Object> variables) {
		return this.transactions.execute((status) -> {
			try {
				if (!variables.isEmpty()) {
					this.runtimeService.setVariables(instanceId, variables);
				}
				this.runtimeService.newMigration(plan).processInstanceIds(instanceId).execute();
				upgrade.migrated(instanceId);
				return null;
			}
			catch (RuntimeException ex) {
				return (ex.getMessage() != null) ? ex.getMessage().strip() : ex.getClass().getSimpleName();
			}
			finally {
				status.setRollbackOnly();
			}
		});
	}

	/**
	 * Runs the batch's seed, migration and monitor jobs here (not by the job executor),
	 * so the command ends when the batch has; returns the ids of jobs that failed.
	 */
	private Set<String> completeBatch(Batch batch) {
		Set<String> failed = new HashSet<>();
		for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
				batch.getMonitorJobDefinitionId())) {
			List<Job> jobs;
			while (!(jobs = pendingJobs(definition, failed)).isEmpty()) {
				for (Job job : jobs) {
					try {
						this.managementService.executeJob(job.getId());
					}
					catch (RuntimeException ex) {
						logger.warn("Batch {}: job {} failed: {}", batch.getId(), job.getId(), ex.getMessage());
						failed.add(job.getId());
					}
				}
				if (!failed.isEmpty() && definition.equals(batch.getMonitorJobDefinitionId())) {
					break;
				}
			}
		}
		return failed;
	}

	private List<Job> pendingJobs(String jobDefinitionId, Set<String> failed) {
		return this.managementService.createJobQuery()
			.jobDefinitionId(jobDefinitionId)
			.list()
			.stream()
			.filter((job) -> !failed.contains(job.getId()))
			.toList();
	}

	private List<InstanceResult> continuing(ProcessDefinition source) {
		Version from = Version.of(source);
		return runningInstances(source).stream()
			.map((instance) -> result(instance, source, from, Outcome.CONTINUES, null))
			.toList();
	}

	private Map<String, String> currentDefinitions(List<ProcessInstance> instances) {
		Map<String, String> definitions = new LinkedHashMap<>();
		List<String> ids = instances.stream().map(ProcessInstance::getId).toList();
		for (int from = 0; from < ids.size(); from += PAGE) {
			var page = Set.copyOf(ids.subList(from, Math.min(ids.size(), from + PAGE)));
			this.runtimeService.createProcessInstanceQuery()
				.processInstanceIds(page)
				.list()
				.forEach((instance) -> definitions.put(instance.getId(), instance.getProcessDefinitionId()));
		}
		return definitions;
	}

	private List<ProcessInstance> runningInstances(ProcessDefinition definition) {
		List<ProcessInstance> instances = new ArrayList<>();
		List<ProcessInstance> page;
		do {
			page = this.runtimeService.createProcessInstanceQuery()
				.processDefinitionId(definition.getId())
				.orderByProcessInstanceId()
				.asc()
				.listPage(instances.size(), PAGE);
			instances.addAll(page);
		}
		while (page.size() == PAGE);
		return instances;
	}

	private List<ProcessDefinition> olderVersions(ProcessDefinition newest, Predicate<ProcessDefinition> sources) {
		return this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(newest.getKey())
			.orderByProcessDefinitionVersion()
			.asc()
			.list()
			.stream()
			.filter((definition) -> definition.getVersion() < newest.getVersion() && sources.test(definition))
			.toList();
	}

	private List<String> deployedKeys() {
		return this.repositoryService.createProcessDefinitionQuery()
			.latestVersion()
			.orderByProcessDefinitionKey()
			.asc()
			.list()
			.stream()
			.map(ProcessDefinition::getKey)
			.toList();
	}

	private static InstanceResult result(ProcessInstance instance, ProcessDefinition source, Version to,
			Outcome outcome, String reason) {
		return new InstanceResult(instance.getId(), instance.getBusinessKey(), source.getKey(), Version.of(source), to,
				outcome, reason);
	}

	/**
	 * A process that is deployed but no longer in {@code bpmn/}: its instances finish on
	 * their version.
	 */
	private record RetiredProcess(String processKey) implements ProcessUpgrade {

		@Override
		public Decision decision() {
			return Decision.CONTINUE;
		}

	}

	private static int count(List<InstanceResult> results, Outcome... outcomes) {
		Set<Outcome> wanted = Set.of(outcomes);
		return (int) results.stream().filter((result) -> wanted.contains(result.outcome())).count();
	}

}
