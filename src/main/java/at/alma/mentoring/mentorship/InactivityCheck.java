package at.alma.mentoring.mentorship;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import at.alma.mentoring.platform.DomainException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inactivity loop of the active stage ({@code ${planInactivityCheck}},
 * {@code ${checkInactivity}}): the timer is due one period after the last activity (or
 * the last notice); when it fires and nothing happened since, it publishes
 * {@link InactivityNoticed} (at most once per period; feedback asks both then), and the
 * loop waits for the next due date. Recording activity is a column update, never a
 * message to the process.
 */
@Component
class InactivityCheck {

	static final String DUE_AT = "inactivityDueAt";

	private final Mentorships mentorships;

	private final ApplicationEventPublisher events;

	private final MentorshipSettings settings;

	private final Clock clock;

	InactivityCheck(Mentorships mentorships, ApplicationEventPublisher events, MentorshipSettings settings,
			Clock clock) {
		this.mentorships = mentorships;
		this.events = events;
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
		mentorship.inactivityNoticed(periodEnd);
		this.events.publishEvent(new InactivityNoticed(mentorship.getId(), mentorship.getMenteeId(),
				mentorship.getMentorId(), periodEnd));
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
