package at.alma.mentoring.feedback;

/** Why the platform asks for feedback. */
public enum FeedbackOccasion {

	/** After a meeting both sides confirmed. */
	MEETING,
	/** Nothing happened in an active mentorship for a while. */
	INACTIVITY,
	/** The mentorship was completed. */
	CLOSURE

}
