package at.alma.mentoring.mentorship;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.member.MemberDirectory.MentorSlots;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.member.Role;
import at.alma.mentoring.mentorship.decline.DeclineTexts;
import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;
import at.alma.mentoring.workflow.WorkflowTasks;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request stage: a mentee asks, the mentor accepts or declines, the mentee may
 * withdraw, the process expires it. Each method changes the mentorship and the lifecycle
 * process in one transaction.
 */
@Service
class MentorshipRequests {

	static final int MAX_MESSAGE_LENGTH = 2000;

	private static final EnumSet<MentorshipStatus> TAKING_CAPACITY = EnumSet.of(MentorshipStatus.ACCEPTED,
			MentorshipStatus.ACTIVE);

	private final Mentorships mentorships;

	private final MemberDirectory members;

	private final WorkflowTasks workflow;

	private final DeclineTexts declineTexts;

	private final MentorshipSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MentorshipRequests(Mentorships mentorships, MemberDirectory members, WorkflowTasks workflow,
			DeclineTexts declineTexts, MentorshipSettings settings, ApplicationEventPublisher events, Clock clock) {
		this.mentorships = mentorships;
		this.members = members;
		this.workflow = workflow;
		this.declineTexts = declineTexts;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Every request mails the mentor, and a withdrawal can be followed by the next
	 * request at once: the requests a mentee sent (withdrawn, declined and expired ones
	 * included, counted from {@code requested_at}) are limited per mentor and in all
	 * within the window, so nobody can use the platform to flood a mentor's inbox.
	 */
	private void requireRequestAllowance(UUID menteeId, UUID mentorId) {
		Instant since = this.clock.instant().minus(this.settings.requestWindow());
		if (this.mentorships.countByMenteeIdAndMentorIdAndRequestedAtAfter(menteeId, mentorId, since) >= this.settings
			.requestsPerPair()) {
			throw DomainException.refused("REQUEST_LIMIT", "You have asked this mentor "
					+ this.settings.requestsPerPair() + " times recently; please wait before asking again");
		}
		if (this.mentorships.countByMenteeIdAndRequestedAtAfter(menteeId, since) >= this.settings.requestsPerMentee()) {
			throw DomainException.refused("REQUEST_LIMIT", "You have sent " + this.settings.requestsPerMentee()
					+ " requests recently; please wait before sending more");
		}
	}

	@Transactional
	Mentorship request(UUID menteeId, UUID mentorId, String message) {
		if (message != null && message.length() > MAX_MESSAGE_LENGTH) {
			throw new InvalidInputException("input.message",
					"The message may have at most " + MAX_MESSAGE_LENGTH + " characters");
		}
		MemberSummary mentee = this.members.get(menteeId);
		if (!mentee.hasRole(Role.MENTEE)) {
			throw DomainException.refused("NOT_A_MENTEE", "Only members with the mentee role can ask for a mentorship");
		}
		this.members.requireVerifiedEmail(menteeId);
		Mentorship mentorship = Mentorship.request(menteeId, mentorId, message, this.settings.requestExpiresAfter(),
				this.clock);
		MentorSlots mentor = this.members.lockMentor(mentorId).orElseThrow(() -> DomainException.notFound("Mentor"));
		if (!mentor.mentor()) {
			throw DomainException.refused("NOT_A_MENTOR", "This member does not mentor");
		}
		if (!mentor.available()) {
			throw DomainException.refused("MENTOR_UNAVAILABLE", "This mentor takes no new mentees at the moment");
		}
		requireFreePlace(mentor);
		if (this.mentorships.existsByOpenPairKey(Mentorship.pairKey(menteeId, mentorId))) {
			throw duplicate();
		}
		if (this.mentorships.countByMenteeIdAndStatus(menteeId, MentorshipStatus.REQUESTED) >= this.settings
			.maxOpenRequestsPerMentee()) {
			throw DomainException.refused("TOO_MANY_OPEN_REQUESTS", "You have "
					+ this.settings.maxOpenRequestsPerMentee() + " unanswered requests; wait for an answer first");
		}
		requireRequestAllowance(menteeId, mentorId);
		try {
			mentorship = this.mentorships.saveAndFlush(mentorship);
		}
		catch (DataIntegrityViolationException ex) {
			throw duplicate(); // the unique index on the open pair key decided a race
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(LifecycleProcess.MENTORSHIP_ID, mentorship.getId().toString());
		variables.put(LifecycleProcess.MENTEE_ID, menteeId.toString());
		variables.put(LifecycleProcess.MENTOR_ID, mentorId.toString());
		variables.put(LifecycleProcess.REQUEST_REMINDER_AFTER, this.settings.requestReminderAfter().toString());
		variables.put(LifecycleProcess.REQUEST_EXPIRES_AT, Date.from(mentorship.getRequestExpiresAt()));
		mentorship.startedAs(this.workflow.start(LifecycleProcess.KEY, mentorship.getId(), variables));
		return mentorship;
	}

	@Transactional
	Mentorship accept(UUID callerId, UUID mentorshipId) {
		Mentorship mentorship = asMentor(callerId, mentorshipId);
		this.members.requireVerifiedEmail(callerId);
		// the lock serialises every capacity decision about this mentor: two acceptances
		// cannot both pass
		MentorSlots mentor = this.members.lockMentor(mentorship.getMentorId())
			.orElseThrow(() -> DomainException.notFound("Mentor"));
		// read again under the lock: a second tab (or node) may have decided meanwhile,
		// and then that is the answer, not the place its acceptance took
		MentorshipStatus current = this.mentorships.statusOf(mentorshipId);
		if (current != MentorshipStatus.REQUESTED) {
			throw Mentorship.wrongState(current);
		}
		requireFreePlace(mentor);
		mentorship.accept(this.clock);
		this.mentorships.flush();
		this.workflow.complete(mentorship.getProcessInstanceId(), LifecycleProcess.REVIEW_REQUEST, callerId,
				Map.of(LifecycleProcess.REQUEST_OUTCOME, MentorshipStatus.ACCEPTED.name()));
		this.events.publishEvent(
				new MentorshipAccepted(mentorship.getId(), mentorship.getMenteeId(), mentorship.getMentorId()));
		return mentorship;
	}

	@Transactional
	Mentorship decline(UUID callerId, UUID mentorshipId, String editedMessage) {
		if (editedMessage != null && editedMessage.length() > DeclineTexts.MAX_LENGTH) {
			throw new InvalidInputException("input.message",
					"The message may have at most " + DeclineTexts.MAX_LENGTH + " characters");
		}
		Mentorship mentorship = asMentor(callerId, mentorshipId);
		String message = this.declineTexts.compose(editedMessage, this.members.get(mentorship.getMentorId()),
				this.members.get(mentorship.getMenteeId()));
		mentorship.decline(message, this.clock);
		this.mentorships.flush();
		this.workflow.complete(mentorship.getProcessInstanceId(), LifecycleProcess.REVIEW_REQUEST, callerId,
				Map.of(LifecycleProcess.REQUEST_OUTCOME, MentorshipStatus.DECLINED.name()));
		return mentorship;
	}

	@Transactional
	Mentorship withdraw(UUID callerId, UUID mentorshipId) {
		Mentorship mentorship = this.mentorships.findById(mentorshipId)
			.filter((candidate) -> candidate.isParticipant(callerId))
			.orElseThrow(() -> DomainException.notFound("Mentorship"));
		if (!mentorship.getMenteeId().equals(callerId)) {
			throw DomainException.refused("NOT_YOUR_TURN", "Only the mentee can withdraw a request");
		}
		mentorship.withdraw(this.clock);
		this.mentorships.flush();
		this.workflow.correlate(LifecycleProcess.REQUEST_WITHDRAWN, mentorship.getProcessInstanceId(),
				Map.of(LifecycleProcess.REQUEST_OUTCOME, MentorshipStatus.WITHDRAWN.name()));
		return mentorship;
	}

	/** Called by the expiry timer of the process. */
	@Transactional
	void expire(UUID mentorshipId) {
		Mentorship mentorship = this.mentorships.findById(mentorshipId)
			.orElseThrow(() -> DomainException.notFound("Mentorship"));
		mentorship.expire(this.clock);
	}

	private Mentorship asMentor(UUID callerId, UUID mentorshipId) {
		Mentorship mentorship = this.mentorships.findById(mentorshipId)
			.filter((candidate) -> candidate.isParticipant(callerId))
			.orElseThrow(() -> DomainException.notFound("Mentorship"));
		if (!mentorship.getMentorId().equals(callerId)) {
			throw DomainException.refused("NOT_YOUR_TURN", "Only the mentor decides on a request");
		}
		return mentorship;
	}

	private void requireFreePlace(MentorSlots mentor) {
		long taken = this.mentorships.countByMentorIdAndStatusIn(mentor.mentorId(), TAKING_CAPACITY);
		if (taken >= mentor.capacity()) {
			throw DomainException.refused("CAPACITY_REACHED",
					"This mentor has no free place (" + taken + " of " + mentor.capacity() + ")");
		}
	}

	private static DomainException duplicate() {
		return DomainException.refused("DUPLICATE_REQUEST",
				"You already have an open request or mentorship with this mentor");
	}

}
