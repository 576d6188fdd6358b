package at.alma.mentoring.notification;

/**
 * Names of {@code bpmn/mail-delivery.bpmn}: one small process instance per mail, posted
 * through the {@link Mailbox} in the poster's transaction. Its only step is an async job
 * with retries; at zero retries Cockpit shows the incident on it. Whoever posts a mail
 * never waits for its delivery.
 */
final class MailDeliveryProcess {

	static final String KEY = "mail-delivery";

	static final String SEND_MAIL = "Task_SendMail";

	/**
	 * Variable holding the kind's {@link MailKind#wireName() wire name}; the kind's
	 * {@link MailComposer} turns kind and data into the mail.
	 */
	static final String KIND = "mail";

	/**
	 * Variable holding the ids and primitives (a JSON object) the composer reads, e.g.
	 * {@code {"mentorshipId":"…","to":"MENTOR"}}.
	 */
	static final String DATA = "mailData";

	private MailDeliveryProcess() {
	}

}
