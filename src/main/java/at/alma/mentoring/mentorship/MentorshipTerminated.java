package at.alma.mentoring.mentorship;

import java.util.UUID;

/** One side ended the mentorship early: it is TERMINATED (no certificate). */
public record MentorshipTerminated(UUID mentorshipId, UUID menteeId, UUID mentorId, UUID terminatedBy) {
}
