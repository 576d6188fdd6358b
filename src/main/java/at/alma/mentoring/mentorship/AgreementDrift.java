package at.alma.mentoring.mentorship;

/**
 * How an active mentorship stands against the agreement in force (docs/api.md, "Agreement
 * drift"). PERIOD_ENDING, PERIOD_OVER and AHEAD ask the mentee for a decision once per
 * agreement version; BEHIND and ON_TRACK only inform.
 */
public enum AgreementDrift {

	/**
	 * As many meetings held as the share of the period passed leads to expect, or more.
	 */
	ON_TRACK,

	/**
	 * Fewer meetings held than the share of the period passed leads to expect: fewer than
	 * {@code floor(agreed × elapsed / period)}.
	 */
	BEHIND,

	/** The period ends soon (21 days by default) with fewer meetings held than agreed. */
	PERIOD_ENDING,

	/** The period has ended while the mentorship is still active. */
	PERIOD_OVER,

	/** More meetings held than agreed. */
	AHEAD;

	/** Whether this condition asks the mentee to review the agreement. */
	boolean asks() {
		return this == PERIOD_ENDING || this == PERIOD_OVER || this == AHEAD;
	}

}
