package at.alma.mentoring.mentorship;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.mentorship.agreement.AgreementLookup;
import at.alma.mentoring.mentorship.agreement.AgreementView;
import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.workflow.WorkflowTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The agreement drift check of the active stage (since lifecycle version 3,
 * docs/processes.md): {@code ${planDriftCheck}} sets the timers of the agreement in force
 * ("period end near", "period over"), {@code ${checkDrift}} compares it with what
 * happened when a timer fires or more meetings were held than agreed, and asks for a
 * decision (mails to both, the mentee's review task) when a condition holds that was not
 * asked about for this version and no amendment is pending. Once per version is a row in
 * {@code agreement_drift_asks}, claimed by its primary key, so a retried job or a second
 * node never asks twice.
 */
@Component
class DriftCheck {

	private final Mentorships mentorships;

	private final AgreementLookup agreements;

	private final WorkflowTasks workflow;

	private final MentorshipSettings settings;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DriftCheck(Mentorships mentorships, AgreementLookup agreements, WorkflowTasks workflow, MentorshipSettings settings,
			JdbcTemplate jdbc, Clock clock) {
		this.mentorships = mentorships;
		this.agreements = agreements;
		this.workflow = workflow;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void plan(DelegateExecution execution) {
		UUID id = mentorshipId(execution);
		AgreementView agreed = inForce(id);
		Instant end = agreed.periodEnd().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		execution.setVariable(LifecycleProcess.DRIFT_VERSION, agreed.version());
		execution.setVariable(LifecycleProcess.DRIFT_PERIOD_ENDING_AT,
				Date.from(end.minus(this.settings.driftWarnBefore())));
		execution.setVariable(LifecycleProcess.DRIFT_PERIOD_OVER_AT, Date.from(end));
		execution.setVariable(LifecycleProcess.DRIFT_REVIEW_REMINDER_AFTER,
				this.settings.driftReviewReminderAfter().toString());
		execution.setVariable(LifecycleProcess.DRIFT_REVIEW_LAPSES_AFTER,
				this.settings.driftReviewLapsesAfter().toString());
	}

	void check(DelegateExecution execution) {
		UUID id = mentorshipId(execution);
		Mentorship mentorship = this.mentorships.findById(id).orElseThrow(() -> DomainException.notFound("Mentorship"));
		AgreementView agreed = inForce(id);
		int held = this.mentorships.meetingsHeldOf(id);
		DriftState state = DriftState.of(mentorship.getStatus(), MentorshipDirectory.agreed(agreed), held,
				mentorship.getLastMeetingHeldAt(), this.clock.instant(), this.settings.driftWarnBefore());
		boolean asks = state != null && state.drift().asks() && !this.agreements.amendmentPending(id)
				&& claim(id, agreed.version(), state.drift());
		execution.setVariable(LifecycleProcess.DRIFT_ASKED, asks);
		if (asks) {
			execution.setVariable(LifecycleProcess.DRIFT_CONDITION, state.drift().name());
			execution.setVariable(LifecycleProcess.DRIFT_VERSION, agreed.version());
			execution.setVariable(LifecycleProcess.DRIFT_MEETINGS_HELD, held);
		}
	}

	/**
	 * An agreement version was approved (the first, or an amendment): an amendment moves
	 * the check on to it; either may already have fewer meetings agreed than held.
	 */
	void approved(UUID mentorshipId, String processInstanceId, boolean first) {
		if (!first) {
			this.workflow.correlateIfWaiting(LifecycleProcess.AGREEMENT_AMENDED, processInstanceId, Map.of());
		}
		meetingHeld(mentorshipId, processInstanceId);
	}

	/** A meeting was held: when that passes the agreed number, the check looks. */
	void meetingHeld(UUID mentorshipId, String processInstanceId) {
		AgreementView agreed = this.agreements.inForce(List.of(mentorshipId)).get(mentorshipId);
		if (agreed != null && processInstanceId != null
				&& this.mentorships.meetingsHeldOf(mentorshipId) > agreed.meetingCount()) {
			this.workflow.correlateIfWaiting(LifecycleProcess.MEETINGS_AHEAD, processInstanceId, Map.of());
		}
	}

	/**
	 * The mentee submitted an amendment or either side proposed closure: the open review
	 * is answered.
	 */
	void answered(String processInstanceId, String how) {
		this.workflow.completeAll(processInstanceId, LifecycleProcess.REVIEW_AGREEMENT,
				Map.of(LifecycleProcess.AGREEMENT_REVIEW, how));
	}

	/** Whether this call is the first to ask about {@code drift} for this version. */
	private boolean claim(UUID mentorshipId, int version, AgreementDrift drift) {
		Integer asked = this.jdbc.queryForObject(
				"select count(*) from agreement_drift_asks where mentorship_id = ? and agreement_version = ? and drift = ?",
				Integer.class, mentorshipId.toString(), version, drift.name());
		if (asked != null && asked > 0) {
			return false;
		}
		try {
			this.jdbc.update(
					"insert into agreement_drift_asks (mentorship_id, agreement_version, drift, asked_at) values (?, ?, ?, ?)",
					mentorshipId.toString(), version, drift.name(), Timestamp.from(this.clock.instant()));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private AgreementView inForce(UUID mentorshipId) {
		AgreementView agreed = this.agreements.inForce(List.of(mentorshipId)).get(mentorshipId);
		if (agreed == null) {
			throw DomainException.refused("WRONG_STATE", "The mentorship has no agreement in force");
		}
		return agreed;
	}

	private static UUID mentorshipId(DelegateExecution execution) {
		return UUID.fromString((String) execution.getVariable(LifecycleProcess.MENTORSHIP_ID));
	}

	/** {@code Task_PlanDriftCheck}. */
	@Component("planDriftCheck")
	static class Plan implements JavaDelegate {

		private final DriftCheck drift;

		Plan(DriftCheck drift) {
			this.drift = drift;
		}

		@Override
		public void execute(DelegateExecution execution) {
			this.drift.plan(execution);
		}

	}

	/** {@code Task_CheckDrift}. */
	@Component("checkDrift")
	static class Check implements JavaDelegate {

		private final DriftCheck drift;

		Check(DriftCheck drift) {
			this.drift = drift;
		}

		@Override
		public void execute(DelegateExecution execution) {
			this.drift.check(execution);
		}

	}

}
