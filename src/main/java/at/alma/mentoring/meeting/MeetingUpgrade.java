package at.alma.mentoring.meeting;

import java.util.Map;

import at.alma.mentoring.workflow.ProcessUpgrade;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import org.springframework.stereotype.Component;

/**
 * A meeting's confirmation moves to the newest version: a meeting can wait weeks for its
 * date and its confirmations.
 * <p>
 * Tag 3 put the two confirmation tasks (with their reminder timers) into the subprocess
 * {@code SubProcess_Confirmation}, whose boundary events are new: a meeting reported as
 * not held, and the confirmation's lapse. An instance of an older tag waiting at a
 * confirmation task is moved into the subprocess (the engine creates the subprocess's
 * instance and its lapse timer, which counts from the migration: a meeting started before
 * the upgrade gets the full time to be confirmed). The durations the new timers read are
 * set from the configuration before the move ({@link #variablesBefore}), as
 * {@code scheduleMeeting} sets them on new instances.
 */
@Component
class MeetingUpgrade implements ProcessUpgrade {

	private static final String[] MOVED_INTO_CONFIRMATION = { MeetingProcess.CONFIRM_BY_MENTEE,
			MeetingProcess.CONFIRM_BY_MENTOR, "Timer_RemindMentee", "Timer_RemindMentorToConfirm" };

	private final MeetingSettings settings;

	MeetingUpgrade(MeetingSettings settings) {
		this.settings = settings;
	}

	@Override
	public String processKey() {
		return MeetingProcess.KEY;
	}

	@Override
	public Decision decision() {
		return Decision.MIGRATE;
	}

	@Override
	public MigrationPlan plan(MigrationPlanBuilder builder, ProcessDefinition source) {
		MigrationPlanBuilder instructions = builder.mapEqualActivities();
		for (String activity : MOVED_INTO_CONFIRMATION) {
			instructions = instructions.mapActivities(activity, activity);
		}
		return instructions.build();
	}

	/**
	 * The durations the new timers read; set before the move, because moving into
	 * {@code SubProcess_Confirmation} creates its lapse timer at once.
	 */
	@Override
	public Map<String, Object> variablesBefore(ProcessDefinition source) {
		return Map.of(MeetingProcess.CONFIRM_LAPSES_AFTER, this.settings.confirmLapsesAfter().toString(),
				MeetingProcess.DISPUTE_REMINDER_AFTER, this.settings.disputeReminderAfter().toString(),
				MeetingProcess.DISPUTE_LAPSES_AFTER, this.settings.disputeLapsesAfter().toString());
	}

}
