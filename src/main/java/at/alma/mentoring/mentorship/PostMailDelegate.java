package at.alma.mentoring.mentorship;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import at.alma.mentoring.notification.Mailbox;

import org.springframework.stereotype.Component;

/**
 * {@code ${postMail}}: a mail step of the lifecycle or the agreement approval. Starts a
 * {@code mail-delivery} instance for the mail named by the step's {@code mail} input
 * parameter, with the ids it needs; its async send job is written in the current
 * transaction, so the mail goes out exactly when the step commits.
 */
@Component("postMail")
class PostMailDelegate implements JavaDelegate {

	private final Mailbox mailbox;

	PostMailDelegate(Mailbox mailbox) {
		this.mailbox = mailbox;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(LifecycleProcess.MENTORSHIP_ID, execution.getVariable(LifecycleProcess.MENTORSHIP_ID));
		for (String name : new String[] { AgreementApprovalProcess.AGREEMENT_VERSION,
				AgreementApprovalProcess.AGREEMENT_SUBMISSION }) {
			if (execution.hasVariable(name)) {
				variables.put(name, execution.getVariable(name));
			}
		}
		this.mailbox.post((String) execution.getVariableLocal(LifecycleProcess.MAIL), execution.getProcessBusinessKey(),
				variables);
	}

}
