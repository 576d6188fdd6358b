package at.alma.mentoring.mentorship;

import java.util.UUID;

/**
 * The least another module needs to act on a mentorship: who takes part, its status and
 * where its lifecycle process runs. One query, no agreement lookup (see
 * {@link MentorshipInfo} for the agreement in force).
 */
public record MentorshipParties(UUID id, UUID menteeId, UUID mentorId, MentorshipStatus status,
		String processInstanceId) {

	public boolean isParticipant(UUID memberId) {
		return this.menteeId.equals(memberId) || this.mentorId.equals(memberId);
	}

	/** Whether meetings can be arranged and the chat is open: ACCEPTED or ACTIVE. */
	public boolean isOngoing() {
		return this.status == MentorshipStatus.ACCEPTED || this.status == MentorshipStatus.ACTIVE;
	}

}
