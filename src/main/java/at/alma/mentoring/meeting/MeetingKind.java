package at.alma.mentoring.meeting;

/** Where a meeting takes place. */
public enum MeetingKind {

	IN_PERSON, VIDEO, PHONE

}
