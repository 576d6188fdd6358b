package at.alma.mentoring.meeting;

/**
 * {@code PROPOSED → SCHEDULED → HELD} (both confirmed); {@code PROPOSED → DECLINED}
 * (mentor); {@code SCHEDULED → CANCELLED} (either side); a rescheduled meeting is
 * PROPOSED again.
 */
public enum MeetingStatus {

	PROPOSED, SCHEDULED, DECLINED, CANCELLED, HELD

}
