package at.alma.mentoring.mentorship.agreement;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of agreement versions for the rest of the mentorship module (its directory and
 * its mails), which see a version only as an {@link AgreementView}.
 */
@Service
@Transactional(readOnly = true)
public class AgreementLookup {

	private final AgreementVersions versions;

	AgreementLookup(AgreementVersions versions) {
		this.versions = versions;
	}

	/**
	 * The version in force of each of these mentorships: the newest approved one; none
	 * before the first approval.
	 */
	public Map<UUID, AgreementView> inForce(Collection<UUID> mentorshipIds) {
		return this.versions.findByMentorshipIdInOrderByVersionNumberAsc(mentorshipIds)
			.stream()
			.filter((version) -> version.getStatus() == AgreementStatus.APPROVED)
			.map(AgreementView::of)
			.collect(Collectors.toMap(AgreementView::mentorshipId, Function.identity(), newer()));
	}

	/**
	 * Whether an amendment waits for the mentor or was sent back for changes: a newer
	 * version than the one in force was submitted and is not approved yet.
	 */
	public boolean amendmentPending(UUID mentorshipId) {
		return this.versions.findFirstByMentorshipIdOrderByVersionNumberDesc(mentorshipId)
			.filter((latest) -> latest.getStatus() != AgreementStatus.APPROVED && latest.getSubmissions() > 0
					&& latest.getVersionNumber() > 1)
			.isPresent();
	}

	public Optional<AgreementView> version(UUID mentorshipId, int versionNumber) {
		return this.versions.findByMentorshipIdAndVersionNumber(mentorshipId, versionNumber).map(AgreementView::of);
	}

	private static BinaryOperator<AgreementView> newer() {
		return (a, b) -> (a.version() >= b.version()) ? a : b;
	}

}
