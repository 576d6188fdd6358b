package at.alma.mentoring.mentorship;

/**
 * Names of {@code bpmn/mail-delivery.bpmn}: one small process instance per mail, started
 * by a mail step of the other processes in their transaction. Its only step is an async
 * job with retries; at zero retries Cockpit shows the incident on it. The processes that
 * post a mail never wait for the delivery.
 */
final class MailDeliveryProcess {

	static final String KEY = "mail-delivery";

	static final String SEND_MAIL = "Task_SendMail";

	private MailDeliveryProcess() {
	}

}
