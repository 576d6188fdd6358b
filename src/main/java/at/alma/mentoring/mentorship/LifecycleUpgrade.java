package at.alma.mentoring.mentorship;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.mentorship.agreement.AgreementLookup;
import at.alma.mentoring.workflow.ProcessUpgrade;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;

import org.springframework.stereotype.Component;

/**
 * Running lifecycles move to the newest version: they last months, and a lifecycle left
 * on an old version would keep calling the stage versions it was built for.
 * <p>
 * Version 3 added the agreement drift check beside the inactivity loop of the active
 * stage. Every wait state of versions 1 and 2 keeps its id, so the plan maps equal
 * activities and sets the review timers' durations; a migrated instance in the active
 * stage then starts the drift check at its loop gateway, which plans it for the agreement
 * in force.
 */
@Component
class LifecycleUpgrade implements ProcessUpgrade {

	static final String ACTIVE_STAGE = "SubProcess_Active";

	static final String DRIFT_LOOP = "Gateway_DriftLoop";

	static final String WATCH_AGREEMENT = "Task_WatchAgreement";

	private final RuntimeService runtime;

	private final AgreementLookup agreements;

	private final MentorshipSettings settings;

	LifecycleUpgrade(RuntimeService runtime, AgreementLookup agreements, MentorshipSettings settings) {
		this.runtime = runtime;
		this.agreements = agreements;
		this.settings = settings;
	}

	@Override
	public String processKey() {
		return LifecycleProcess.KEY;
	}

	@Override
	public Decision decision() {
		return Decision.MIGRATE;
	}

	@Override
	public MigrationPlan plan(MigrationPlanBuilder builder, ProcessDefinition source) {
		return builder.mapEqualActivities()
			.setVariables(Map.of(LifecycleProcess.DRIFT_REVIEW_REMINDER_AFTER,
					this.settings.driftReviewReminderAfter().toString(), LifecycleProcess.DRIFT_REVIEW_LAPSES_AFTER,
					this.settings.driftReviewLapsesAfter().toString()))
			.build();
	}

	/**
	 * An instance in the active stage without a drift check (one from before version 3)
	 * starts it, if its mentorship has an agreement in force.
	 */
	@Override
	public void migrated(String processInstanceId) {
		ActivityInstance tree = this.runtime.getActivityInstance(processInstanceId);
		ActivityInstance[] active = (tree != null) ? tree.getActivityInstances(ACTIVE_STAGE) : new ActivityInstance[0];
		if (active.length == 0 || tree.getActivityInstances(WATCH_AGREEMENT).length > 0) {
			return;
		}
		String mentorshipId = (String) this.runtime.getVariable(processInstanceId, LifecycleProcess.MENTORSHIP_ID);
		if (mentorshipId == null || this.agreements.inForce(List.of(UUID.fromString(mentorshipId))).isEmpty()) {
			return;
		}
		this.runtime.createProcessInstanceModification(processInstanceId)
			.startBeforeActivity(DRIFT_LOOP, active[0].getId())
			.execute();
	}

}
