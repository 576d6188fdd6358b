package at.alma.mentoring.notification;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/**
 * Whom a mail goes to, in which language and time zone; {@code memberId} the member the
 * address belongs to, recorded with the sent mail (null for a mail to no member, such as
 * the staff's).
 */
public record Recipient(UUID memberId, String email, String name, Locale locale, ZoneId zone) {

	/** A recipient who is no member. */
	public Recipient(String email, String name, Locale locale, ZoneId zone) {
		this(null, email, name, locale, zone);
	}

}
