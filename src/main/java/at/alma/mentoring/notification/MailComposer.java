package at.alma.mentoring.notification;

import java.util.Set;

/**
 * Builds mails of some kinds of one module from the ids a {@code mail-delivery} instance
 * carries. Implemented by the modules that send mail; {@link MailComposers} checks at
 * start that every kind of a module has exactly one composer.
 *
 * @param <K> the module's kind type
 */
public interface MailComposer<K extends MailKind> {

	/** The kinds this composer builds; no other composer builds them. */
	Set<K> kinds();

	/** The mail of {@code kind} about what {@code data} names. */
	Mail compose(K kind, MailData data);

}
