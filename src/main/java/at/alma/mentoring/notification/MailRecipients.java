package at.alma.mentoring.notification;

import java.util.Optional;

/**
 * Who may get mail at the moment it is sent (implemented by the member module): a mail
 * whose recipient was suspended or deleted since it was posted ends without sending and
 * is recorded as skipped, with this reason; not an incident.
 */
public interface MailRecipients {

	/** Why no mail may go to {@code email} now; empty when it may. */
	Optional<String> refusal(String email);

}
