package at.alma.mentoring.notification;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every module posts its mails: {@link #post} starts a {@code mail-delivery}
 * process instance in the caller's transaction (its async send job is the outbox: written
 * with the change, or not at all). The instance carries two variables: the kind of mail
 * and, as one JSON string, the ids and primitives its composer reads (one variable
 * instead of one per id: each is a row written and deleted again). As the delegate
 * {@code ${sendMail}} of that instance it builds the mail through the module's
 * {@link MailComposer} and sends it with the {@link Mailer}, once per key.
 */
@Component("sendMail")
public class Mailbox implements JavaDelegate {

	private static final ObjectMapper json = new ObjectMapper();

	private final RuntimeService runtimeService;

	private final List<MailComposer> composers;

	private final Mailer mailer;

	private final List<MailRecipients> recipients;

	Mailbox(RuntimeService runtimeService, List<MailComposer> composers, Mailer mailer,
			List<MailRecipients> recipients) {
		this.runtimeService = runtimeService;
		this.composers = composers;
		this.mailer = mailer;
		this.recipients = recipients;
	}

	/**
	 * Posts a mail of {@code kind} about the business object {@code businessKey};
	 * {@code variables} carry the ids (and primitives) its composer needs.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void post(String kind, String businessKey, Map<String, Object> variables) {
		Map<String, Object> ids = new TreeMap<>();
		variables.forEach((name, value) -> {
			if (value instanceof String || value instanceof Number || value instanceof Boolean) {
				ids.put(name, value);
			}
		});
		this.runtimeService.startProcessInstanceByKey(MailDeliveryProcess.KEY, businessKey,
				Map.of(MailDeliveryProcess.KIND, kind, MailDeliveryProcess.DATA, write(ids)));
	}

	@Override
	public void execute(DelegateExecution execution) {
		String kind = (String) execution.getVariable(MailDeliveryProcess.KIND);
		String data = (String) execution.getVariable(MailDeliveryProcess.DATA);
		// instances posted before the ids went into one variable carry them one by one
		Map<String, Object> variables = (data != null) ? read(data) : execution.getVariables();
		Mail mail = this.composers.stream()
			.map((composer) -> composer.compose(kind, variables))
			.flatMap(java.util.Optional::stream)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No composer for mail kind " + kind));
		// a recipient suspended or deleted since the mail was posted gets nothing
		java.util.Optional<String> refusal = this.recipients.stream()
			.map((recipients) -> recipients.refusal(mail.to().email()))
			.flatMap(java.util.Optional::stream)
			.findFirst();
		if (refusal.isPresent()) {
			this.mailer.skip(mail, refusal.get());
			return;
		}
		this.mailer.send(mail);
	}

	private static String write(Map<String, Object> ids) {
		try {
			return json.writeValueAsString(ids);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> read(String data) {
		try {
			return json.readValue(data, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable " + MailDeliveryProcess.DATA + ": " + data, ex);
		}
	}

}
