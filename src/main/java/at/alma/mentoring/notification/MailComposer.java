package at.alma.mentoring.notification;

import java.util.Map;
import java.util.Optional;

/**
 * Builds the mails of one module from the ids a {@code mail-delivery} instance carries.
 * Implemented by the modules that send mail; the {@link Mailbox} finds the composer of a
 * kind.
 */
public interface MailComposer {

	/** The mail of {@code kind}, or empty when this composer does not know the kind. */
	Optional<Mail> compose(String kind, Map<String, Object> variables);

}
