package at.alma.mentoring.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every module posts its mails: {@link #post} starts a {@code mail-delivery}
 * process instance in the caller's transaction (its async send job is the outbox: written
 * with the change, or not at all); as the delegate {@code ${sendMail}} of that instance
 * it builds the mail through the module's {@link MailComposer} and sends it with the
 * {@link Mailer}, once per key.
 */
@Component("sendMail")
public class Mailbox implements JavaDelegate {

	private final RuntimeService runtimeService;

	private final List<MailComposer> composers;

	private final Mailer mailer;

	Mailbox(RuntimeService runtimeService, List<MailComposer> composers, Mailer mailer) {
		this.runtimeService = runtimeService;
		this.composers = composers;
		this.mailer = mailer;
	}

	/**
	 * Posts a mail of {@code kind} about the business object {@code businessKey};
	 * {@code variables} carry the ids (and primitives) its composer needs.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void post(String kind, String businessKey, Map<String, Object> variables) {
		Map<String, Object> all = new HashMap<>(variables);
		all.put(MailDeliveryProcess.KIND, kind);
		this.runtimeService.startProcessInstanceByKey(MailDeliveryProcess.KEY, businessKey, all);
	}

	@Override
	public void execute(DelegateExecution execution) {
		String kind = (String) execution.getVariable(MailDeliveryProcess.KIND);
		Map<String, Object> variables = execution.getVariables();
		Mail mail = this.composers.stream()
			.map((composer) -> composer.compose(kind, variables))
			.flatMap(java.util.Optional::stream)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No composer for mail kind " + kind));
		this.mailer.send(mail);
	}

}
