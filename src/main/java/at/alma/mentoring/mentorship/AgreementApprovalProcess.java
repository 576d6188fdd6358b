package at.alma.mentoring.mentorship;

import java.util.Map;

import at.alma.mentoring.workflow.TaskKind;
import at.alma.mentoring.workflow.UserTaskKinds;

/**
 * Names of the agreement approval ({@code bpmn/agreement-approval.bpmn}), called by the
 * lifecycle for the first agreement and again for every amendment. It starts at
 * "submitted": the mentor approves or asks for changes, the mentee revises and submits
 * again.
 */
final class AgreementApprovalProcess {

	static final String KEY = "agreement-approval";

	static final String APPROVE_AGREEMENT = "Task_ApproveAgreement";

	static final String REVISE_AGREEMENT = "Task_ReviseAgreement";

	/**
	 * The user tasks and their kind in the API ({@code Task.kind}), for every version
	 * with running instances (ids unchanged since commit 00c9468).
	 */
	static final UserTaskKinds TASK_KINDS = new UserTaskKinds(KEY,
			Map.of(APPROVE_AGREEMENT, TaskKind.APPROVE_AGREEMENT, REVISE_AGREEMENT, TaskKind.REVISE_AGREEMENT));

	/**
	 * Message that starts the approval of an amendment inside the lifecycle's active
	 * stage.
	 */
	static final String AMENDMENT_SUBMITTED = "AgreementAmendmentSubmitted";

	static final String AGREEMENT_VERSION = "agreementVersion";

	static final String AGREEMENT_SUBMISSION = "agreementSubmission";

	static final String AGREEMENT_REMINDER_AFTER = "agreementReminderAfter";

	static final String DECISION = "agreementDecision";

	private AgreementApprovalProcess() {
	}

}
