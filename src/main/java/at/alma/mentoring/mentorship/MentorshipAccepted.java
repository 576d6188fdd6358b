package at.alma.mentoring.mentorship;

import java.util.UUID;

/**
 * The mentor accepted the request: the two are connected (chat) and the agreement stage
 * begins.
 */
public record MentorshipAccepted(UUID mentorshipId, UUID menteeId, UUID mentorId) {
}
