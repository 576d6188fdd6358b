package at.alma.mentoring.meeting;

/**
 * {@code PROPOSED → SCHEDULED → HELD} (both confirmed); {@code PROPOSED → DECLINED}
 * (mentor); {@code SCHEDULED → CANCELLED} (either side, before the start); a rescheduled
 * meeting is PROPOSED again. After the start: {@code SCHEDULED → NOT_HELD} (reported by a
 * side before the mentee's confirmation stands), {@code SCHEDULED → DISPUTED} (the mentor
 * contradicts the mentee's confirmation) {@code → HELD | NOT_HELD} (an admin, or the
 * mentee withdrawing), {@code SCHEDULED | DISPUTED → UNCONFIRMED} (nobody confirmed or
 * resolved in time, or the mentorship ended). Only HELD counts.
 */
public enum MeetingStatus {

	PROPOSED, SCHEDULED, DECLINED, CANCELLED, HELD, NOT_HELD, DISPUTED, UNCONFIRMED

}
