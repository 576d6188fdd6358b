package at.alma.mentoring.mentorship;

/**
 * Where a mentorship stands: {@code REQUESTED → ACCEPTED → ACTIVE → COMPLETED}; from
 * REQUESTED also DECLINED, WITHDRAWN, EXPIRED; from ACCEPTED/ACTIVE also TERMINATED.
 */
public enum MentorshipStatus {

	REQUESTED, ACCEPTED, ACTIVE, COMPLETED, DECLINED, WITHDRAWN, EXPIRED, TERMINATED;

	/** Whether the pair is bound by it: a second request between the two is refused. */
	boolean isOpen() {
		return this == REQUESTED || this == ACCEPTED || this == ACTIVE;
	}

	/** Whether it takes one of the mentor's places (capacity). */
	boolean takesCapacity() {
		return this == ACCEPTED || this == ACTIVE;
	}

}
