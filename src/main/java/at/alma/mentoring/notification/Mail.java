package at.alma.mentoring.notification;

import java.util.Collections;
import java.util.HashMap;
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
 * @param calendar an iCalendar object sent as the third alternative of the body (iMIP,
 * RFC 6047), or {@code null}
 */
public record Mail(String key, Recipient to, String template, Map<String, Object> model, List<Object> subjectArguments,
		CalendarPart calendar) {

	public Mail {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(to, "to");
		// values may be null
		model = Collections.unmodifiableMap(new HashMap<>(model));
		subjectArguments = List.copyOf(subjectArguments);
	}

	public Mail(String key, Recipient to, String template, Map<String, Object> model, Object... subjectArguments) {
		this(key, to, template, model, List.of(subjectArguments), null);
	}

	/**
	 * An iCalendar object (RFC 5545) with its iTIP method ({@code REQUEST},
	 * {@code CANCEL}), UTF-8.
	 */
	public record CalendarPart(String method, byte[] content) {

		public CalendarPart {
			Objects.requireNonNull(method, "method");
			Objects.requireNonNull(content, "content");
		}

	}

}
