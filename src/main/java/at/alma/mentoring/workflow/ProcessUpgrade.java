package at.alma.mentoring.workflow;

import java.util.Map;

import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * What a release does with the running instances of one process when its model has a new
 * version: they continue on the version they started with, or they are migrated to the
 * newest version by a plan. One bean per process, declared by the module that owns the
 * process; {@link ProcessMigration} runs the plans (docs/processes.md, "Versions").
 */
public interface ProcessUpgrade {

	/** The process id (the BPMN file's name). */
	String processKey();

	Decision decision();

	/**
	 * The plan from an older version to the newest; by default every activity is mapped
	 * to the activity with the same id. A release that renames, removes or adds a wait
	 * state maps it here, by the source's {@code versionTag} ({@code null} for the models
	 * from before version tags), and sets the variables the new model needs
	 * ({@link MigrationPlanBuilder#setVariables}).
	 */
	default MigrationPlan plan(MigrationPlanBuilder builder, ProcessDefinition source) {
		return builder.mapEqualActivities().build();
	}

	/**
	 * Variables the newest version needs that an instance of {@code source} lacks, set on
	 * each instance right before it is migrated (in the dry run's transaction too).
	 * Unlike {@link MigrationPlanBuilder#setVariables}, which the engine applies after
	 * the instance moved, these are there when the migration creates new scopes and
	 * evaluates their timers (an added boundary timer reading a duration variable). An
	 * instance the batch then fails to migrate keeps them, unused by its version.
	 */
	default Map<String, Object> variablesBefore(ProcessDefinition source) {
		return Map.of();
	}

	/**
	 * Runs right after an instance moved to the newest version, in the migration's
	 * transaction (and in the dry run's, which is rolled back): starts what the new
	 * version runs beside the wait states the plan mapped, which a migration plan cannot
	 * start. Nothing by default.
	 */
	default void migrated(String processInstanceId) {
	}

	enum Decision {

		/** Instances on older versions are moved to the newest version. */
		MIGRATE,

		/** Instances finish on the version they started with. */
		CONTINUE

	}

}
