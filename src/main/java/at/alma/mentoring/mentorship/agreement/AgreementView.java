package at.alma.mentoring.mentorship.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A version of the agreement as read in one transaction; what the API shows as
 * {@code Agreement}.
 */
public record AgreementView(UUID id, UUID mentorshipId, int version, AgreementStatus status, LocalDate periodStart,
		LocalDate periodEnd, int meetingCount, Set<ContactKind> contactKinds, String contactFrequency,
		List<String> topics, Instant savedAt, Instant submittedAt, Instant approvedAt, UUID approvedById,
		Instant changesRequestedAt, String changesComment) {

	static AgreementView of(AgreementVersion version) {
		return new AgreementView(version.getId(), version.getMentorshipId(), version.getVersionNumber(),
				version.getStatus(), version.getPeriodStart(), version.getPeriodEnd(), version.getMeetingCount(),
				version.getContactKinds(), version.getContactFrequency(), List.copyOf(version.getTopics()),
				version.getSavedAt(), version.getSubmittedAt(), version.getApprovedAt(), version.getApprovedBy(),
				version.getChangesRequestedAt(), version.getChangesComment());
	}

}
