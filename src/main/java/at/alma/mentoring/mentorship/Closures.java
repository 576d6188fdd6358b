package at.alma.mentoring.mentorship;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;
import at.alma.mentoring.workflow.WorkflowTasks;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of a mentorship: either side proposes to close an active mentorship and the
 * other confirms (COMPLETED) or declines; either side may end an accepted or active one
 * early (TERMINATED), which ends every process of it.
 */
@Service
class Closures {

	static final int MAX_TEXT = 2000;

	private final Mentorships mentorships;

	private final WorkflowTasks workflow;

	private final MentorshipSettings settings;

	private final ApplicationEventPublisher events;

	private final UnresolvedMeetings unresolvedMeetings;

	private final DriftCheck drift;

	private final Clock clock;

	Closures(Mentorships mentorships, WorkflowTasks workflow, MentorshipSettings settings,
			ApplicationEventPublisher events, DriftCheck drift, UnresolvedMeetings unresolvedMeetings, Clock clock) {
		this.unresolvedMeetings = unresolvedMeetings;
		this.mentorships = mentorships;
		this.workflow = workflow;
		this.settings = settings;
		this.events = events;
		this.drift = drift;
		this.clock = clock;
	}

	@Transactional
	Mentorship propose(UUID callerId, UUID mentorshipId) {
		Mentorship mentorship = participant(callerId, mentorshipId);
		mentorship.proposeClosure(callerId, this.clock);
		if (this.unresolvedMeetings.any(mentorshipId)) {
			throw DomainException.refused("MEETING_UNRESOLVED",
					"A meeting waits for its confirmations or is disputed; settle it before closing");
		}
		this.mentorships.flush();
		this.workflow.correlate(LifecycleProcess.CLOSURE_PROPOSED, mentorship.getProcessInstanceId(),
				Map.of(LifecycleProcess.CLOSURE_CONFIRMER_ID, mentorship.otherThan(callerId).toString(),
						LifecycleProcess.CLOSURE_REMINDER_AFTER, this.settings.closureReminderAfter().toString(),
						LifecycleProcess.CLOSURE_LAPSES_AFTER, this.settings.closureLapsesAfter().toString(),
						LifecycleProcess.CLOSURE_ROUND, mentorship.getClosureRound()));
		this.drift.answered(mentorship.getProcessInstanceId(), "CLOSURE_PROPOSED");
		this.mentorships.recordActivity(mentorshipId, this.clock.instant());
		return mentorship;
	}

	@Transactional
	Mentorship confirm(UUID callerId, UUID mentorshipId) {
		Mentorship mentorship = participant(callerId, mentorshipId);
		mentorship.confirmClosure(callerId, this.clock);
		this.mentorships.flush();
		this.workflow.complete(mentorship.getProcessInstanceId(), LifecycleProcess.CONFIRM_CLOSURE, callerId,
				Map.of(LifecycleProcess.CLOSURE_DECISION, "CONFIRMED"));
		this.events.publishEvent(
				new MentorshipCompleted(mentorship.getId(), mentorship.getMenteeId(), mentorship.getMentorId()));
		return mentorship;
	}

	@Transactional
	Mentorship decline(UUID callerId, UUID mentorshipId, String message) {
		Mentorship mentorship = participant(callerId, mentorshipId);
		mentorship.declineClosure(callerId, text(message, "input.message"));
		this.mentorships.flush();
		this.workflow.complete(mentorship.getProcessInstanceId(), LifecycleProcess.CONFIRM_CLOSURE, callerId,
				Map.of(LifecycleProcess.CLOSURE_DECISION, "DECLINED"));
		return mentorship;
	}

	/** Called by the lapse timer of the proposal. */
	@Transactional
	void lapse(UUID mentorshipId) {
		this.mentorships.findById(mentorshipId)
			.orElseThrow(() -> DomainException.notFound("Mentorship"))
			.lapseClosure();
	}

	@Transactional
	Mentorship terminate(UUID callerId, UUID mentorshipId, String reason) {
		Mentorship mentorship = participant(callerId, mentorshipId);
		mentorship.terminate(callerId, text(reason, "input.reason"), this.clock);
		this.mentorships.flush();
		this.workflow.correlate(LifecycleProcess.MENTORSHIP_TERMINATED, mentorship.getProcessInstanceId(),
				Map.of("terminatedBy", callerId.toString()));
		this.events.publishEvent(new MentorshipTerminated(mentorship.getId(), mentorship.getMenteeId(),
				mentorship.getMentorId(), callerId));
		return mentorship;
	}

	private Mentorship participant(UUID callerId, UUID mentorshipId) {
		return this.mentorships.findById(mentorshipId)
			.filter((mentorship) -> mentorship.isParticipant(callerId))
			.orElseThrow(() -> DomainException.notFound("Mentorship"));
	}

	private static String text(String value, String field) {
		if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
			throw new InvalidInputException(field, "Please write a short message (1 to " + MAX_TEXT + " characters)");
		}
		return value.strip();
	}

}
