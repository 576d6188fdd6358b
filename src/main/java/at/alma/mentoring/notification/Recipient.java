package at.alma.mentoring.notification;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Whom a mail goes to, in which language and time zone.
 */
public record Recipient(String email, String name, Locale locale, ZoneId zone) {
}
