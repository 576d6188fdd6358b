package at.alma.mentoring.workflow;

/**
 * What a member's open step is, as the API shows it ({@code Task.kind}). Each process
 * class maps its user task ids to these in its {@link UserTaskKinds}; the names are part
 * of the GraphQL contract and do not follow renamed BPMN ids.
 */
public enum TaskKind {

	/** The mentor accepts or declines a request. */
	REVIEW_REQUEST,

	/** The mentee writes and submits the first agreement. */
	WRITE_AGREEMENT,

	/** The mentor approves a submitted agreement version or asks for changes. */
	APPROVE_AGREEMENT,

	/** The mentee revises the agreement after the mentor asked for changes. */
	REVISE_AGREEMENT,

	/** The mentor picks one of the proposed times or declines. */
	SCHEDULE_MEETING,

	/** The mentee confirms that a meeting took place. */
	CONFIRM_BY_MENTEE,

	/** The mentor confirms that a meeting took place, after the mentee. */
	CONFIRM_BY_MENTOR,

	/** The side asked confirms or declines the proposed closure. */
	CONFIRM_CLOSURE,

	/**
	 * The mentee reviews an agreement that departs from what happened: amends it or
	 * proposes closure (issue 23, agreement drift).
	 */
	REVIEW_AGREEMENT,

	/**
	 * An admin settles a disputed meeting (candidate group, no assignee; listed by
	 * {@code disputedMeetings}, not in {@code myTasks}).
	 */
	RESOLVE_MEETING_DISPUTE

}
