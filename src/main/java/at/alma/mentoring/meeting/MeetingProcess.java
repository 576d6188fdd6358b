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

	/**
	 * The user tasks and their kind in the API ({@code Task.kind}), for every version
	 * with running instances (ids unchanged since commit 00c9468).
	 */
	static final UserTaskKinds TASK_KINDS = new UserTaskKinds(KEY, Map.of(SCHEDULE_MEETING, TaskKind.SCHEDULE_MEETING,
			CONFIRM_BY_MENTEE, TaskKind.CONFIRM_BY_MENTEE, CONFIRM_BY_MENTOR, TaskKind.CONFIRM_BY_MENTOR));

	static final String MEETING_RESCHEDULED = "MeetingRescheduled";

	static final String MEETING_CANCELLED = "MeetingCancelled";

	static final String MEETING_ID = "meetingId";

	static final String STARTS_AT = "meetingStartsAt";

	static final String DECISION = "scheduleDecision";

	static final String CONFIRM_REMINDER_AFTER = "confirmReminderAfter";

	private MeetingProcess() {
	}

}
