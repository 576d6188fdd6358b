package at.alma.mentoring.mentorship;

import java.util.UUID;

/**
 * Both sides agreed that the mentorship is over: it is COMPLETED (certificates,
 * achievements, closing feedback).
 */
public record MentorshipCompleted(UUID mentorshipId, UUID menteeId, UUID mentorId) {
}
