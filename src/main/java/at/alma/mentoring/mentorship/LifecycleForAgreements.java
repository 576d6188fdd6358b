package at.alma.mentoring.mentorship;

import java.time.Clock;
import java.util.UUID;

import at.alma.mentoring.mentorship.agreement.MentorshipLifecycle;
import at.alma.mentoring.platform.DomainException;

import org.springframework.stereotype.Component;

/**
 * The mentorship as its agreement sees it: the aggregate's parties, its activation by the
 * first approval and its activity, without handing out the entity.
 */
@Component
class LifecycleForAgreements implements MentorshipLifecycle {

	private final Mentorships mentorships;

	private final MentorshipQueries queries;

	private final DriftCheck drift;

	private final Clock clock;

	LifecycleForAgreements(Mentorships mentorships, MentorshipQueries queries, DriftCheck drift, Clock clock) {
		this.mentorships = mentorships;
		this.queries = queries;
		this.drift = drift;
		this.clock = clock;
	}

	@Override
	public MentorshipParties participant(UUID callerId, UUID mentorshipId) {
		Mentorship mentorship = this.queries.ofParticipant(callerId, mentorshipId);
		return new MentorshipParties(mentorship.getId(), mentorship.getMenteeId(), mentorship.getMentorId(),
				mentorship.getStatus(), mentorship.getProcessInstanceId());
	}

	@Override
	public MentorshipRef ofParticipant(UUID callerId, UUID mentorshipId) {
		return this.queries.ofParticipant(callerId, mentorshipId);
	}

	/**
	 * The source of a {@code Mentorship} field is always this module's entity (see
	 * {@link MentorshipController}).
	 */
	@Override
	public boolean isMentee(MentorshipRef mentorship, UUID memberId) {
		return ((Mentorship) mentorship).isMentee(memberId);
	}

	@Override
	public void activate(UUID mentorshipId) {
		this.mentorships.findById(mentorshipId)
			.orElseThrow(() -> DomainException.notFound("Mentorship"))
			.activate(this.clock);
	}

	@Override
	public void recordActivity(UUID mentorshipId) {
		this.mentorships.recordActivity(mentorshipId, this.clock.instant());
	}

	@Override
	public void approved(UUID mentorshipId, boolean first) {
		this.drift.approved(mentorshipId, processOf(mentorshipId), first);
	}

	@Override
	public void amendmentSubmitted(UUID mentorshipId) {
		this.drift.answered(processOf(mentorshipId), "AMENDMENT_SUBMITTED");
	}

	private String processOf(UUID mentorshipId) {
		return this.mentorships.findPartiesById(mentorshipId)
			.orElseThrow(() -> DomainException.notFound("Mentorship"))
			.processInstanceId();
	}

}
