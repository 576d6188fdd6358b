package at.alma.mentoring.mentorship;

import java.util.UUID;

/** The first agreement was approved: mentee and mentor are officially in a mentorship. */
public record MentorshipActivated(UUID mentorshipId, UUID menteeId, UUID mentorId) {
}
