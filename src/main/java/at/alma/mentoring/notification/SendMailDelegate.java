package at.alma.mentoring.notification;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code ${sendMail}}, the one step of {@code mail-delivery}: builds the mail its
 * instance was posted with through the kind's {@link MailComposer} and sends it with the
 * {@link Mailer}, once per key. The bean name is what every released version of the
 * process names.
 */
@Component("sendMail")
class SendMailDelegate implements JavaDelegate {

	private final MailComposers composers;

	private final Mailer mailer;

	SendMailDelegate(MailComposers composers, Mailer mailer) {
		this.composers = composers;
		this.mailer = mailer;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String kind = (String) execution.getVariable(MailDeliveryProcess.KIND);
		String data = (String) execution.getVariable(MailDeliveryProcess.DATA);
		// instances posted before the ids went into one variable carry them one by one
		Map<String, Object> variables = (data != null) ? read(data) : execution.getVariables();
		this.mailer.send(this.composers.compose(kind, MailData.of(variables)));
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
