package at.alma.mentoring.notification;

import at.alma.mentoring.workflow.ProcessUpgrade;

import org.springframework.stereotype.Component;

/**
 * A mail being delivered finishes on the version it was posted with: an instance lives
 * seconds, or hours while SMTP is down, and its one step is the {@code sendMail} bean,
 * which stays as long as any deployed version names it.
 */
@Component
class MailDeliveryUpgrade implements ProcessUpgrade {

	@Override
	public String processKey() {
		return MailDeliveryProcess.KEY;
	}

	@Override
	public Decision decision() {
		return Decision.CONTINUE;
	}

}
