package at.alma.mentoring.notification;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code ${postMail}}: a mail step of any process. Posts the mail whose kind the step's
 * {@code mail} input parameter names (its wire name; an unknown name fails the step, not
 * the later delivery) to the {@link Mailbox}, with the process's variables (ids and
 * primitives) for its composer. With a {@code to} input parameter such as
 * {@code MENTEE,MENTOR} it posts one mail per named side, each with its {@code to}
 * variable.
 */
@Component("postMail")
class PostMailDelegate implements JavaDelegate {

	static final String TO = "to";

	private final Mailbox mailbox;

	private final MailComposers composers;

	PostMailDelegate(Mailbox mailbox, MailComposers composers) {
		this.mailbox = mailbox;
		this.composers = composers;
	}

	@Override
	public void execute(DelegateExecution execution) {
		MailKind kind = this.composers.kind((String) execution.getVariableLocal(MailDeliveryProcess.KIND));
		Map<String, Object> variables = new HashMap<>(execution.getVariables());
		variables.remove(MailDeliveryProcess.KIND);
		Object to = execution.getVariableLocal(TO);
		if (to == null) {
			variables.remove(TO);
			this.mailbox.post(kind, execution.getProcessBusinessKey(), variables);
			return;
		}
		for (String side : to.toString().split(",")) {
			variables.put(TO, side.strip());
			this.mailbox.post(kind, execution.getProcessBusinessKey(), variables);
		}
	}

}
