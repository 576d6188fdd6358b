package at.alma.mentoring.mentorship;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import at.alma.mentoring.feedback.FeedbackOccasion;
import at.alma.mentoring.feedback.FeedbackRequests;
import at.alma.mentoring.platform.DomainException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inactivity loop of the active stage ({@code ${planInactivityCheck}},
 * {@code ${checkInactivity}}): the timer is due one period after the last activity (or
 * the last notice); when it fires, both are asked for feedback if nothing happened since,
 * at most once per period, and the loop waits for the next due date. Recording activity
 * is a column update, never a message to the process.
 */
@Component
class InactivityCheck {

	static final String DUE_AT = "inactivityDueAt";

	private final Mentorships mentorships;

	private final FeedbackRequests feedback;

	private final MentorshipSettings settings;

	private final Clock clock;

	InactivityCheck(Mentorships mentorships, FeedbackRequests feedback, MentorshipSettings settings, Clock clock) {
		this.mentorships = mentorships;
		this.feedback = feedback;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public void plan(DelegateExecution execution) {
		Mentorship mentorship = mentorship(execution);
		Instant reference = latest(mentorship.getLastActivityAt(), mentorship.getActivatedAt(),
				mentorship.getInactivityNoticeAt());
		execution.setVariable(DUE_AT, Date.from(reference.plus(this.settings.inactivityAfter())));
	}

	@Transactional
	public void check(DelegateExecution execution) {
		Mentorship mentorship = mentorship(execution);
		Instant lastActivity = latest(mentorship.getLastActivityAt(), mentorship.getActivatedAt(), null);
		if (lastActivity.plus(this.settings.inactivityAfter()).isAfter(this.clock.instant())) {
			return; // something happened meanwhile: the next plan waits from there
		}
		Instant periodEnd = ((Date) execution.getVariable(DUE_AT)).toInstant();
		this.feedback.request(FeedbackOccasion.INACTIVITY, "inactivity:" + periodEnd, mentorship.getId(),
				List.of(mentorship.getMenteeId(), mentorship.getMentorId()));
		mentorship.inactivityNoticed(periodEnd);
	}

	private Mentorship mentorship(DelegateExecution execution) {
		UUID id = UUID.fromString((String) execution.getVariable(LifecycleProcess.MENTORSHIP_ID));
		return this.mentorships.findById(id).orElseThrow(() -> DomainException.notFound("Mentorship"));
	}

	private static Instant latest(Instant a, Instant b, Instant c) {
		Instant latest = a;
		for (Instant candidate : new Instant[] { b, c }) {
			if (candidate != null && (latest == null || candidate.isAfter(latest))) {
				latest = candidate;
			}
		}
		return latest;
	}

	/** {@code Task_PlanInactivityCheck}. */
	@Component("planInactivityCheck")
	static class Plan implements JavaDelegate {

		private final InactivityCheck inactivity;

		Plan(InactivityCheck inactivity) {
			this.inactivity = inactivity;
		}

		@Override
		public void execute(DelegateExecution execution) {
			this.inactivity.plan(execution);
		}

	}

	/** {@code Task_CheckInactivity}. */
	@Component("checkInactivity")
	static class Check implements JavaDelegate {

		private final InactivityCheck inactivity;

		Check(InactivityCheck inactivity) {
			this.inactivity = inactivity;
		}

		@Override
		public void execute(DelegateExecution execution) {
			this.inactivity.check(execution);
		}

	}

}
