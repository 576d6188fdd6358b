package at.alma.mentoring.mentorship;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A mentorship as other modules see it: its participants and status, where its lifecycle
 * process runs, the agreement in force (null values before the first approval), the
 * meetings both sides confirmed, and how it stands against the agreement ({@code drift}
 * and {@code driftSince}: null unless ACTIVE).
 */
public record MentorshipInfo(UUID id, UUID menteeId, UUID mentorId, MentorshipStatus status, String processInstanceId,
		Instant activatedAt, Instant endedAt, Integer agreedMeetings, LocalDate agreedFrom, LocalDate agreedUntil,
		int meetingsHeld, AgreementDrift drift, Instant driftSince) {

	public boolean isParticipant(UUID memberId) {
		return this.menteeId.equals(memberId) || this.mentorId.equals(memberId);
	}

	/** Whether meetings can be arranged and the chat is open: ACCEPTED or ACTIVE. */
	public boolean isOngoing() {
		return this.status == MentorshipStatus.ACCEPTED || this.status == MentorshipStatus.ACTIVE;
	}

}
