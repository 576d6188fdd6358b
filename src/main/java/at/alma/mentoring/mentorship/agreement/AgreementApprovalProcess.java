package at.alma.mentoring.mentorship.agreement;

import java.util.Map;

import at.alma.mentoring.workflow.TaskKind;
import at.alma.mentoring.workflow.UserTaskKinds;

/**
 * Names of the agreement approval ({@code bpmn/agreement-approval.bpmn}), called by the
 * lifecycle for the first agreement and again for every amendment. It starts at
 * "submitted": the mentor approves or asks for changes, the mentee revises and submits
 * again.
 */
public final class AgreementApprovalProcess {

	public static final String KEY = "agreement-approval";

	public static final String APPROVE_AGREEMENT = "Task_ApproveAgreement";

	public static final String REVISE_AGREEMENT = "Task_ReviseAgreement";

	/**
	 * The lifecycle's user task in which the mentee writes the first version; submitting
	 * it completes the task.
	 */
	public static final String WRITE_AGREEMENT = "Task_WriteAgreement";

	/**
	 * The user tasks and their kind in the API ({@code Task.kind}), for every version
	 * with running instances (ids unchanged since commit 00c9468).
	 */
	public static final UserTaskKinds TASK_KINDS = new UserTaskKinds(KEY,
			Map.of(APPROVE_AGREEMENT, TaskKind.APPROVE_AGREEMENT, REVISE_AGREEMENT, TaskKind.REVISE_AGREEMENT));

	/** Message that starts an amendment's approval in the lifecycle's active stage. */
	static final String AMENDMENT_SUBMITTED = "AgreementAmendmentSubmitted";

	/** The version number the approval is about (names the mails of the round). */
	public static final String AGREEMENT_VERSION = "agreementVersion";

	/** How often that version was submitted (names the mails of the round). */
	public static final String AGREEMENT_SUBMISSION = "agreementSubmission";

	static final String AGREEMENT_REMINDER_AFTER = "agreementReminderAfter";

	static final String DECISION = "agreementDecision";

	private AgreementApprovalProcess() {
	}

}
