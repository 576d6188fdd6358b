package at.alma.mentoring.mentorship;

import java.util.UUID;

/**
 * The mentor approved a version of the agreement; {@code first} when it made the
 * mentorship active (the agreement concluded), otherwise an amendment.
 */
public record AgreementApproved(UUID mentorshipId, UUID agreementVersionId, int versionNumber, boolean first,
		UUID menteeId, UUID mentorId) {
}
