package at.alma.mentoring.feedback;

import java.util.Locale;

/** Why the platform asks for feedback. */
public enum FeedbackOccasion {

	/** After a meeting both sides confirmed. */
	MEETING,
	/** Nothing happened in an active mentorship for a while. */
	INACTIVITY,
	/** The mentorship was completed. */
	CLOSURE;

	/**
	 * The stored key of one occasion ("meeting:&lt;meeting id&gt;",
	 * "inactivity:&lt;period end&gt;", "closure:&lt;mentorship id&gt;"): a member is
	 * asked once per key.
	 */
	String sourceKey(Object source) {
		return name().toLowerCase(Locale.ROOT) + ":" + source;
	}

}
