package at.alma.mentoring.mentorship;

import java.util.UUID;

/**
 * Whether a mentorship has a meeting whose outcome is open: it has begun and awaits its
 * confirmations, or it is disputed. Closing is refused then ({@code MEETING_UNRESOLVED}):
 * the meeting's outcome counts for the certificate. Implemented by the meeting module, so
 * this module does not depend on it.
 */
public interface UnresolvedMeetings {

	boolean any(UUID mentorshipId);

}
