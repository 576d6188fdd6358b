package at.alma.mentoring.notification;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every module posts its mails: {@link #post} starts a {@code mail-delivery}
 * process instance in the caller's transaction (its async send job is the outbox: written
 * with the change, or not at all). The instance carries two variables: the kind's wire
 * name and, as one JSON string, the ids and primitives its composer reads (one variable
 * instead of one per id: each is a row written and deleted again). The
 * {@link SendMailDelegate} of that instance builds and sends the mail.
 */
@Service
public class Mailbox {

	static final ObjectMapper json = new ObjectMapper();

	private final RuntimeService runtimeService;

	Mailbox(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	/**
	 * Posts a mail of {@code kind} about the business object {@code businessKey};
	 * {@code variables} carry the ids (and primitives) its composer needs, other values
	 * are left out.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void post(MailKind kind, String businessKey, Map<String, Object> variables) {
		Map<String, Object> ids = new TreeMap<>();
		variables.forEach((name, value) -> {
			if (value instanceof String || value instanceof Number || value instanceof Boolean) {
				ids.put(name, value);
			}
		});
		this.runtimeService.startProcessInstanceByKey(MailDeliveryProcess.KEY, businessKey,
				Map.of(MailDeliveryProcess.KIND, kind.wireName(), MailDeliveryProcess.DATA, write(ids)));
	}

	/**
	 * Ends the mails about {@code businessKey} not sent yet, without sending them: the
	 * account mails of a member who deleted their account (their composers would find the
	 * data erased, and the recipient is gone).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void withdraw(String businessKey) {
		List<String> pending = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(MailDeliveryProcess.KEY)
			.processInstanceBusinessKey(businessKey)
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
		if (!pending.isEmpty()) {
			this.runtimeService.deleteProcessInstances(pending, "recipient deleted their account", true, true);
		}
	}

	private static String write(Map<String, Object> ids) {
		try {
			return json.writeValueAsString(ids);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
