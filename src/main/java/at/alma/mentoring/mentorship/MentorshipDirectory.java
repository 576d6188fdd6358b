package at.alma.mentoring.mentorship;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import at.alma.mentoring.platform.DomainException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mentorship module's API for the other modules: look mentorships up (one query for
 * many), record activity for the inactivity timer.
 */
@Service
public class MentorshipDirectory {

	private final Mentorships mentorships;

	private final AgreementVersions agreements;

	private final java.time.Clock clock;

	MentorshipDirectory(Mentorships mentorships, AgreementVersions agreements, java.time.Clock clock) {
		this.mentorships = mentorships;
		this.agreements = agreements;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<MentorshipInfo> find(UUID id) {
		return this.mentorships.findById(id).map((mentorship) -> info(mentorship, inForce(List.of(id)).get(id)));
	}

	/** Participants, status and process of the mentorship: one query. */
	@Transactional(readOnly = true)
	public Optional<MentorshipParties> parties(UUID id) {
		return this.mentorships.findPartiesById(id);
	}

	/**
	 * Participants, status and process of the mentorship if {@code memberId} takes part
	 * in it; NOT_FOUND otherwise (no one else learns it exists).
	 */
	@Transactional(readOnly = true)
	public MentorshipParties ofParticipant(UUID memberId, UUID mentorshipId) {
		return parties(mentorshipId).filter((parties) -> parties.isParticipant(memberId))
			.orElseThrow(() -> DomainException.notFound("Mentorship"));
	}

	@Transactional(readOnly = true)
	public Map<UUID, MentorshipInfo> findAll(Collection<UUID> ids) {
		Map<UUID, AgreementVersion> agreed = inForce(ids);
		return this.mentorships.findAllById(ids)
			.stream()
			.map((mentorship) -> info(mentorship, agreed.get(mentorship.getId())))
			.collect(Collectors.toMap(MentorshipInfo::id, Function.identity()));
	}

	/**
	 * Something happened in the mentorship (a meeting arranged or confirmed, a message,
	 * an agreement change): moves the start of the inactivity period. A column update,
	 * not a message to the process.
	 */
	@Transactional
	public void recordActivity(UUID mentorshipId) {
		this.mentorships.recordActivity(mentorshipId, this.clock.instant());
	}

	private Map<UUID, AgreementVersion> inForce(Collection<UUID> mentorshipIds) {
		return this.agreements.findByMentorshipIdInOrderByVersionNumberAsc(mentorshipIds)
			.stream()
			.filter((version) -> version.getStatus() == AgreementStatus.APPROVED)
			.collect(Collectors.toMap(AgreementVersion::getMentorshipId, Function.identity(), newer()));
	}

	private static MentorshipInfo info(Mentorship mentorship, AgreementVersion agreed) {
		return new MentorshipInfo(mentorship.getId(), mentorship.getMenteeId(), mentorship.getMentorId(),
				mentorship.getStatus(), mentorship.getProcessInstanceId(), mentorship.getActivatedAt(),
				mentorship.getEndedAt(), (agreed != null) ? agreed.getMeetingCount() : null,
				(agreed != null) ? agreed.getPeriodStart() : null, (agreed != null) ? agreed.getPeriodEnd() : null);
	}

	private static java.util.function.BinaryOperator<AgreementVersion> newer() {
		return (a, b) -> (a.getVersionNumber() >= b.getVersionNumber()) ? a : b;
	}

}
