package at.alma.mentoring.notification;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code ${sendMail}}, the one step of {@code mail-delivery}: builds the mail its
 * instance was posted with through the kind's {@link MailComposer} and sends it with the
 * {@link Mailer}, once per key; a mail whose recipient may not get mail any more
 * ({@link MailRecipients}: suspended, deleted) is recorded as skipped instead. The bean
 * name is what every released version of the process names.
 */
@Component("sendMail")
class SendMailDelegate implements JavaDelegate {

	private final MailComposers composers;

	private final Mailer mailer;

	private final List<MailRecipients> recipients;

	SendMailDelegate(MailComposers composers, Mailer mailer, List<MailRecipients> recipients) {
		this.composers = composers;
		this.mailer = mailer;
		this.recipients = recipients;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String kind = (String) execution.getVariable(MailDeliveryProcess.KIND);
		String data = (String) execution.getVariable(MailDeliveryProcess.DATA);
		// instances posted before the ids went into one variable carry them one by one
		Map<String, Object> variables = (data != null) ? read(data) : execution.getVariables();
		Mail mail = this.composers.compose(kind, MailData.of(variables));
		// a recipient suspended or deleted since the mail was posted gets nothing
		Optional<String> refusal = this.recipients.stream()
			.map((recipients) -> recipients.refusal(mail.to().email()))
			.flatMap(Optional::stream)
			.findFirst();
		if (refusal.isPresent()) {
			this.mailer.skip(mail, refusal.get());
			return;
		}
		this.mailer.send(mail);
	}

	private static Map<String, Object> read(String data) {
		try {
			return Mailbox.json.readValue(data, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable " + MailDeliveryProcess.DATA + ": " + data, ex);
		}
	}

}
