package at.alma.mentoring.mentorship;

import java.time.Instant;
import java.util.UUID;

/**
 * Nothing happened in an active mentorship for a whole period (up to {@code periodEnd}):
 * noticed at most once per period by the lifecycle's inactivity timer (feedback).
 */
public record InactivityNoticed(UUID mentorshipId, UUID menteeId, UUID mentorId, Instant periodEnd) {
}
