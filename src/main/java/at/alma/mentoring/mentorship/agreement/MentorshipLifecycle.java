package at.alma.mentoring.mentorship.agreement;

import java.util.UUID;

import at.alma.mentoring.mentorship.MentorshipParties;
import at.alma.mentoring.mentorship.MentorshipRef;

/**
 * What the agreement needs of the mentorship it belongs to. The mentorship aggregate
 * stays package-private in the module's base package, which implements this interface;
 * the agreement never sees the entity, only its parties and the API's source object.
 */
public interface MentorshipLifecycle {

	/**
	 * Participants, status and process of the mentorship if {@code callerId} takes part
	 * in it; NOT_FOUND otherwise (no one else learns it exists).
	 */
	MentorshipParties participant(UUID callerId, UUID mentorshipId);

	/**
	 * The mentorship as the source of the API's {@code Mentorship} type, if
	 * {@code callerId} takes part in it; NOT_FOUND otherwise.
	 */
	MentorshipRef ofParticipant(UUID callerId, UUID mentorshipId);

	/** Whether {@code memberId} is the mentee of this mentorship (an API source). */
	boolean isMentee(MentorshipRef mentorship, UUID memberId);

	/** The first approved version makes the accepted mentorship active. */
	void activate(UUID mentorshipId);

	/**
	 * A change of the agreement is activity: it moves the start of the inactivity period.
	 */
	void recordActivity(UUID mentorshipId);

	/**
	 * A version was approved ({@code first}: the one that made the mentorship active):
	 * the drift check watches it from now on.
	 */
	void approved(UUID mentorshipId, boolean first);

	/** The mentee submitted an amendment: it answers an open agreement review. */
	void amendmentSubmitted(UUID mentorshipId);

}
