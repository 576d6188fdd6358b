package at.alma.mentoring.meeting;

import java.util.Map;

import at.alma.mentoring.workflow.TaskKind;
import at.alma.mentoring.workflow.UserTaskKinds;

/**
 * Names of {@code bpmn/meeting-confirmation.bpmn}: one instance per meeting, called from
 * the lifecycle's accepted/active stage when the mentee proposes a meeting; business key
 * = mentorship id, correlated by the instance id stored with the meeting.
 */
final class MeetingProcess {

	static final String KEY = "meeting-confirmation";

	/**
	 * The lifecycle's message that starts a meeting's instance (through its call
	 * activity).
	 */
	static final String MEETING_PROPOSED = "MeetingProposed";

	static final String SCHEDULE_MEETING = "Task_ScheduleMeeting";

	static final String CONFIRM_BY_MENTEE = "Task_ConfirmByMentee";

	static final String CONFIRM_BY_MENTOR = "Task_ConfirmByMentor";

	/** The admins' task while a meeting is DISPUTED (candidate group {@link #ADMINS}). */
	static final String RESOLVE_DISPUTE = "Task_ResolveDispute";

	static final String ADMINS = "mentoring-admins";

	/**
	 * The user tasks and their kind in the API ({@code Task.kind}), for every version
	 * with running instances (ids unchanged since commit 00c9468; tag 3 added the admins'
	 * task).
	 */
	static final UserTaskKinds TASK_KINDS = new UserTaskKinds(KEY,
			Map.of(SCHEDULE_MEETING, TaskKind.SCHEDULE_MEETING, CONFIRM_BY_MENTEE, TaskKind.CONFIRM_BY_MENTEE,
					CONFIRM_BY_MENTOR, TaskKind.CONFIRM_BY_MENTOR, RESOLVE_DISPUTE, TaskKind.RESOLVE_MEETING_DISPUTE));

	static final String MEETING_RESCHEDULED = "MeetingRescheduled";

	static final String MEETING_CANCELLED = "MeetingCancelled";

	/**
	 * A side said the meeting did not take place (from tag 3): ends the confirmation, or
	 * the dispute when the mentee withdraws.
	 */
	static final String REPORTED_NOT_HELD = "MeetingReportedNotHeld";

	/** {@code NOT_HELD} or {@code DISPUTED}, set with {@link #REPORTED_NOT_HELD}. */
	static final String NOT_HELD_OUTCOME = "notHeldOutcome";

	/**
	 * The side told that the meeting did not take place ({@code MENTEE}/{@code MENTOR}).
	 */
	static final String NOT_HELD_TELL_SIDE = "notHeldTellSide";

	/**
	 * {@code HELD} or {@code NOT_HELD}, set when an admin completes
	 * {@link #RESOLVE_DISPUTE}.
	 */
	static final String DISPUTE_RESOLUTION = "disputeResolution";

	static final String CONFIRM_LAPSES_AFTER = "confirmLapsesAfter";

	static final String DISPUTE_REMINDER_AFTER = "disputeReminderAfter";

	static final String DISPUTE_LAPSES_AFTER = "disputeLapsesAfter";

	static final String MEETING_ID = "meetingId";

	static final String STARTS_AT = "meetingStartsAt";

	static final String DECISION = "scheduleDecision";

	static final String CONFIRM_REMINDER_AFTER = "confirmReminderAfter";

	private MeetingProcess() {
	}

}
