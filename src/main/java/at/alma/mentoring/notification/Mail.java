package at.alma.mentoring.notification;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One e-mail to one recipient.
 *
 * @param key stable identity of this mail (also its Message-ID): the same key is sent at
 * most once, however often the step that sends it runs
 * @param to the recipient
 * @param template name of the templates {@code mail/<template>.html} and {@code .txt} and
 * of the subject {@code <template>.subject} in {@code mail/messages}
 * @param model values for the templates; member-typed text is printed, never evaluated
 * @param subjectArguments arguments of the subject message ({0}, {1}, …)
 * @param attachments files to attach (e.g. a calendar invitation)
 */
public record Mail(String key, Recipient to, String template, Map<String, Object> model, List<Object> subjectArguments,
		List<Attachment> attachments) {

	public Mail {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(to, "to");
		model = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(model)); // values
																						// may
																						// be
																						// null
		subjectArguments = List.copyOf(subjectArguments);
		attachments = List.copyOf(attachments);
	}

	public Mail(String key, Recipient to, String template, Map<String, Object> model, Object... subjectArguments) {
		this(key, to, template, model, List.of(subjectArguments), List.of());
	}

	/**
	 * A file attached to the mail; {@code contentType} may carry parameters
	 * (text/calendar; method=REQUEST).
	 */
	public record Attachment(String fileName, String contentType, byte[] content) {
	}

}
