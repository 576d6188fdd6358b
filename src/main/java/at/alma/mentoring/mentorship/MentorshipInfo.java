package at.alma.mentoring.mentorship;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A mentorship as other modules see it: its participants and status, where its lifecycle
 * process runs, and the agreement in force (null values before the first approval).
 */
public record MentorshipInfo(UUID id, UUID menteeId, UUID mentorId, MentorshipStatus status, String processInstanceId,
		Instant activatedAt, Instant endedAt, Integer agreedMeetings, LocalDate agreedFrom, LocalDate agreedUntil) {

	public boolean isParticipant(UUID memberId) {
		return this.menteeId.equals(memberId) || this.mentorId.equals(memberId);
	}

	/** Whether meetings can be arranged and the chat is open: ACCEPTED or ACTIVE. */
	public boolean isOngoing() {
		return this.status == MentorshipStatus.ACCEPTED || this.status == MentorshipStatus.ACTIVE;
	}

}
