package at.alma.mentoring.notification;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ids and primitives a mail was posted with, as its composer reads them.
 *
 * @param values variable name → string, number or boolean (a variable may be null)
 */
public record MailData(Map<String, Object> values) {

	public MailData {
		values = Collections.unmodifiableMap(new HashMap<>(values));
	}

	public static MailData of(Map<String, Object> values) {
		return new MailData(values);
	}

	/** The value, or {@code null} when the mail was posted without it. */
	public Object get(String name) {
		return this.values.get(name);
	}

	public String string(String name) {
		Object value = this.values.get(name);
		return (value != null) ? value.toString() : null;
	}

	public UUID uuid(String name) {
		String value = string(name);
		if (value == null) {
			throw new IllegalStateException("The mail carries no " + name + ": " + this.values.keySet());
		}
		return UUID.fromString(value);
	}

	/** A number the mail was posted with, or {@code null}. */
	public Integer integer(String name) {
		Object value = this.values.get(name);
		return (value == null) ? null : ((Number) value).intValue();
	}

}
