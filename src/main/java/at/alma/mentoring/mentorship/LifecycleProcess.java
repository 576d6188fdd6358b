package at.alma.mentoring.mentorship;

import java.util.Map;

import at.alma.mentoring.mentorship.agreement.AgreementApprovalProcess;
import at.alma.mentoring.workflow.TaskKind;
import at.alma.mentoring.workflow.UserTaskKinds;

/**
 * Names of the mentorship lifecycle process ({@code bpmn/mentorship-lifecycle.bpmn}): its
 * key, the element ids the code refers to, its variables and messages. Business key =
 * mentorship id.
 */
final class LifecycleProcess {

	static final String KEY = "mentorship-lifecycle";

	// user tasks
	static final String REVIEW_REQUEST = "Task_ReviewRequest";

	static final String WRITE_AGREEMENT = AgreementApprovalProcess.WRITE_AGREEMENT;

	static final String AGREEMENT_APPROVAL = "Call_AgreementApproval";

	static final String CONFIRM_CLOSURE = "Task_ConfirmClosure";

	/** Since version 3: the mentee reviews an agreement that departs from the plan. */
	static final String REVIEW_AGREEMENT = "Task_ReviewAgreement";

	/**
	 * The user tasks and their kind in the API ({@code Task.kind}), for every version
	 * with running instances: the user task ids are those of the first version (commit
	 * 00c9468). A task renamed in a later version keeps its old id here while old
	 * instances run.
	 */
	static final UserTaskKinds TASK_KINDS = new UserTaskKinds(KEY,
			Map.of(REVIEW_REQUEST, TaskKind.REVIEW_REQUEST, WRITE_AGREEMENT, TaskKind.WRITE_AGREEMENT, CONFIRM_CLOSURE,
					TaskKind.CONFIRM_CLOSURE, REVIEW_AGREEMENT, TaskKind.REVIEW_AGREEMENT));

	// messages
	static final String CLOSURE_PROPOSED = "ClosureProposed";

	static final String MENTORSHIP_TERMINATED = "MentorshipTerminated";

	static final String REQUEST_WITHDRAWN = "RequestWithdrawn";

	/** Since version 3: an amendment was approved; the drift check plans again. */
	static final String AGREEMENT_AMENDED = "AgreementAmended";

	/** Since version 3: more meetings held than the agreement in force names. */
	static final String MEETINGS_AHEAD = "MeetingsAheadOfAgreement";

	// variables (ids and primitives only)
	static final String MENTORSHIP_ID = "mentorshipId";

	static final String MENTEE_ID = "menteeId";

	static final String MENTOR_ID = "mentorId";

	static final String REQUEST_OUTCOME = "requestOutcome";

	static final String REQUEST_REMINDER_AFTER = "requestReminderAfter";

	static final String REQUEST_EXPIRES_AT = "requestExpiresAt";

	static final String CLOSURE_CONFIRMER_ID = "closureConfirmerId";

	/** Which proposal to close this is (1, 2, …): part of the closure mails' keys. */
	static final String CLOSURE_ROUND = "closureRound";

	static final String CLOSURE_DECISION = "closureDecision";

	static final String CLOSURE_REMINDER_AFTER = "closureReminderAfter";

	static final String CLOSURE_LAPSES_AFTER = "closureLapsesAfter";

	/** The version of the agreement in force the drift check watches. */
	static final String DRIFT_VERSION = "driftVersion";

	/** When the period of the agreement in force ends soon (a {@code Date}). */
	static final String DRIFT_PERIOD_ENDING_AT = "driftPeriodEndingAt";

	/** When the period of the agreement in force is over (a {@code Date}). */
	static final String DRIFT_PERIOD_OVER_AT = "driftPeriodOverAt";

	/** Whether the last check asked for a decision. */
	static final String DRIFT_ASKED = "driftAsked";

	/** The {@link AgreementDrift} the last check asked about. */
	static final String DRIFT_CONDITION = "driftCondition";

	/** The meetings held when the last check asked. */
	static final String DRIFT_MEETINGS_HELD = "driftMeetingsHeld";

	static final String DRIFT_REVIEW_REMINDER_AFTER = "driftReviewReminderAfter";

	static final String DRIFT_REVIEW_LAPSES_AFTER = "driftReviewLapsesAfter";

	/** How the review ended: AMENDMENT_SUBMITTED or CLOSURE_PROPOSED. */
	static final String AGREEMENT_REVIEW = "agreementReview";

	/** The local input variable of a mail step naming which mail it sends. */
	static final String MAIL = "mail";

	private LifecycleProcess() {
	}

}
