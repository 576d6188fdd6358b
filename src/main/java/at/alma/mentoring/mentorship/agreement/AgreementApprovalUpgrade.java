package at.alma.mentoring.mentorship.agreement;

import at.alma.mentoring.workflow.ProcessUpgrade;

import org.springframework.stereotype.Component;

/**
 * A pending approval moves to the newest version together with the lifecycle that called
 * it, so reminders and mails follow the current model.
 */
@Component
class AgreementApprovalUpgrade implements ProcessUpgrade {

	@Override
	public String processKey() {
		return AgreementApprovalProcess.KEY;
	}

	@Override
	public Decision decision() {
		return Decision.MIGRATE;
	}

}
