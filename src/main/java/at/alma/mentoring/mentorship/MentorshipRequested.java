package at.alma.mentoring.mentorship;

import java.util.UUID;

/** A mentee asked a mentor for a mentorship. */
public record MentorshipRequested(UUID mentorshipId, UUID menteeId, UUID mentorId) {
}
