package at.alma.mentoring.mentorship;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import at.alma.mentoring.mentorship.agreement.AgreementLookup;
import at.alma.mentoring.mentorship.agreement.AgreementView;
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

	private final AgreementLookup agreements;

	private final MentorshipSettings settings;

	private final DriftCheck drift;

	private final EndedMentorships ended;

	private final Clock clock;

	MentorshipDirectory(Mentorships mentorships, AgreementLookup agreements, MentorshipSettings settings,
			DriftCheck drift, EndedMentorships ended, Clock clock) {
		this.mentorships = mentorships;
		this.agreements = agreements;
		this.settings = settings;
		this.drift = drift;
		this.ended = ended;
		this.clock = clock;
	}

	/**
	 * Hands {@code page} the ids of the mentorships that ended (completed, terminated,
	 * declined, withdrawn, expired) before {@code cutoff}, at most {@code pageSize} at a
	 * time, oldest end first; a running mentorship is never among them. For the retention
	 * jobs, outside a transaction: each page is read on its own.
	 */
	public void forEachEndedBefore(Instant cutoff, int pageSize, Consumer<List<UUID>> page) {
		this.ended.forEachPage(cutoff, pageSize, page);
	}

	@Transactional(readOnly = true)
	public Optional<MentorshipInfo> find(UUID id) {
		return this.mentorships.findById(id)
			.map((mentorship) -> info(mentorship, this.agreements.inForce(List.of(id)).get(id)));
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
		Map<UUID, AgreementView> agreed = this.agreements.inForce(ids);
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

	/**
	 * Both sides confirmed a meeting of the mentorship that started at {@code startsAt}:
	 * counts it. Called once per meeting, in the transaction that makes it HELD; a single
	 * update statement, so meetings held at once on two nodes both count. More meetings
	 * than agreed wake the drift check.
	 */
	@Transactional
	public void recordMeetingHeld(UUID mentorshipId, Instant startsAt) {
		this.mentorships.recordMeetingHeld(mentorshipId, startsAt, this.clock.instant());
		this.drift.meetingHeld(mentorshipId,
				this.mentorships.findPartiesById(mentorshipId).map(MentorshipParties::processInstanceId).orElse(null));
	}

	private MentorshipInfo info(Mentorship mentorship, AgreementView agreed) {
		DriftState drift = DriftState.of(mentorship.getStatus(), agreed(agreed), mentorship.getMeetingsHeld(),
				mentorship.getLastMeetingHeldAt(), this.clock.instant(), this.settings.driftWarnBefore());
		return new MentorshipInfo(mentorship.getId(), mentorship.getMenteeId(), mentorship.getMentorId(),
				mentorship.getStatus(), mentorship.getProcessInstanceId(), mentorship.getActivatedAt(),
				mentorship.getEndedAt(), (agreed != null) ? agreed.meetingCount() : null,
				(agreed != null) ? agreed.periodStart() : null, (agreed != null) ? agreed.periodEnd() : null,
				mentorship.getMeetingsHeld(), (drift != null) ? drift.drift() : null,
				(drift != null) ? drift.since() : null);
	}

	static DriftState.Agreed agreed(AgreementView agreed) {
		return (agreed != null) ? new DriftState.Agreed(agreed.version(), agreed.periodStart(), agreed.periodEnd(),
				agreed.meetingCount(), agreed.approvedAt()) : null;
	}

}
