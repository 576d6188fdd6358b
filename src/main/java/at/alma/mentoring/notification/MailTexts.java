package at.alma.mentoring.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Words that composers put into a mail's model, from the bundle {@code mail/messages} in
 * the recipient's language. Times as people read them: in the recipient's zone and
 * language, each with its zone named in words — "Thursday, March 11, 2027, 5:30 PM
 * (Vienna time)", "Donnerstag, 11. März 2027, 17:30 Uhr (Wiener Zeit)". The zone's name
 * comes from its id: a name of its own in {@code mail/messages} ({@code zone.<id>}), else
 * the city of the id's last segment ({@code zone.city.<id>} translates it) in the
 * language's pattern ({@code zone.of-city}), else (UTC, fixed offsets) Java's name of the
 * zone.
 */
@Component
public class MailTexts {

	private final MessageSource messages = MailRenderer.messageSource();

	/** Date and time of {@code instant} for {@code to}, with the zone named. */
	public String dateTime(Instant instant, Recipient to) {
		return dateTime(instant, to.locale(), to.zone());
	}

	public String dateTime(Instant instant, Locale locale, ZoneId zone) {
		var local = instant.atZone(zone);
		String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(local);
		String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(local);
		return this.messages.getMessage("time.date-time", new Object[] { date, time, zoneName(zone, locale) }, locale);
	}

	/** The zone in words: "Vienna time", "Wiener Zeit", "Ortszeit New York". */
	public String zoneName(ZoneId zone, Locale locale) {
		String id = zone.getId();
		String own = message("zone." + id, locale);
		if (own != null) {
			return own;
		}
		if (zone instanceof ZoneOffset || !id.contains("/") || id.startsWith("Etc/")) {
			return zone.getDisplayName(TextStyle.FULL, locale);
		}
		String city = message("zone.city." + id, locale);
		if (city == null) {
			city = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
		}
		return this.messages.getMessage("zone.of-city", new Object[] { city }, locale);
	}

	/** The message {@code code} of {@code mail/messages} in {@code locale}. */
	public String text(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
	}

	private String message(String code, Locale locale) {
		try {
			return this.messages.getMessage(code, null, locale);
		}
		catch (NoSuchMessageException ex) {
			return null;
		}
	}

}
