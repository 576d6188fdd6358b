package at.alma.mentoring.workflow;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * What {@link ProcessMigration} did or would do, by process and by instance, and how long
 * it took (without the server's start); printed as JSON by {@code --mentoring.migrate}
 * (docs/operations.md, "Upgrading").
 */
public record MigrationReport(String mode, Instant at, long tookMillis, List<ProcessResult> processes,
		List<InstanceResult> instances) {

	/** True when any instance was refused or failed: the command exits non-zero. */
	public boolean refusedAny() {
		return this.instances.stream().anyMatch((instance) -> !instance.outcome().succeeded());
	}

	public record Version(String id, int version, String versionTag) {

		static Version of(ProcessDefinition definition) {
			return new Version(definition.getId(), definition.getVersion(), definition.getVersionTag());
		}

	}

	/**
	 * One process: its decision, the newest version, and how many running instances on
	 * older versions had each outcome.
	 */
	public record ProcessResult(String key, ProcessUpgrade.Decision decision, Version newest, int onOlderVersions,
			int migrated, int refused, int continuing) {
	}

	/**
	 * One running instance on an older version; {@code to} is the version it is on after
	 * the command (for a dry run: the one it would be on).
	 */
	public record InstanceResult(String id, String businessKey, String processKey, Version from, Version to,
			Outcome outcome, String reason) {
	}

	public enum Outcome {

		/** Dry run: the migration ran and was rolled back. */
		WOULD_MIGRATE(true),

		MIGRATED(true),

		/** The process's decision is to continue on the old version. */
		CONTINUES(true),

		/** The plan does not fit the instance; it was left untouched. */
		REFUSED(false),

		/** Passed the check but its batch job failed; it is still on its old version. */
		FAILED(false);

		private final boolean succeeded;

		Outcome(boolean succeeded) {
			this.succeeded = succeeded;
		}

		public boolean succeeded() {
			return this.succeeded;
		}

	}

}
