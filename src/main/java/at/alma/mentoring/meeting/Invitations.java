package at.alma.mentoring.meeting;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.notification.FormerMember;

/**
 * iCalendar (RFC 5545/5546) documents for meetings, written with ical4j: invitations
 * (METHOD:REQUEST, a stable UID per meeting, SEQUENCE raised on every change),
 * cancellations (METHOD:CANCEL, same UID) and the member's calendar feed. Times are given
 * in the reader's own zone.
 * <p>
 * Four things ical4j does not do as calendars need them, done here: local times with
 * their TZID come from java.time (ical4j's conversion of a ZonedDateTime was an hour off
 * for New York in the week before summer time 2027, found by {@code .ci/ical-check}); the
 * VTIMEZONE holds only the observances the events need (ical4j's bundled zones carry a
 * century of history: 5 kB for Vienna), lines are folded at 75 <em>octets</em> (ical4j
 * counts characters, so a line of umlauts grew to 146 octets), and no reply is asked for:
 * the organizer is the no-reply sender and each attendee is {@code RSVP=FALSE}
 * (docs/api.md, "Calendar invitations").
 */
final class Invitations {

	static final String CONTENT_TYPE = "text/calendar";

	/** RFC 5545, 3.1: lines longer than 75 octets are folded. */
	static final int FOLD_OCTETS = 75;

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	private Invitations() {
	}

	/**
	 * The reader's words in a calendar file: what a phone meeting's LOCATION says, the
	 * feed's name, and the name of a member who deleted their account.
	 */
	record Words(String phone, String calendarName, String formerMember) {

		Words(String phone, String calendarName) {
			this(phone, calendarName, "a former member");
		}

		/** The member's full name; "a former member" for a deleted account. */
		String name(MemberSummary member) {
			return member.fullName().replace(FormerMember.PLACEHOLDER, this.formerMember);
		}

	}

	static String uid(Meeting meeting) {
		return "meeting-" + meeting.getId() + "@alma-mentoring";
	}

	/**
	 * The invitation of one round: {@code slot} and {@code sequence} as they were when it
	 * was posted; the reader is the only attendee (the other side's address stays
	 * private).
	 */
	static byte[] request(Meeting meeting, Slot slot, int sequence, MemberSummary mentee, MemberSummary mentor,
			MemberSummary reader, Words words, Instant now, String organizerEmail) {
		return write(calendar(ImmutableMethod.REQUEST, reader.zone(), null, List.of(event(meeting, slot, sequence,
				mentee, mentor, reader, reader.zone(), words, now, organizerEmail, ImmutableStatus.VEVENT_CONFIRMED))));
	}

	static byte[] cancel(Meeting meeting, Slot slot, int sequence, MemberSummary mentee, MemberSummary mentor,
			MemberSummary reader, Words words, Instant now, String organizerEmail) {
		return write(calendar(ImmutableMethod.CANCEL, reader.zone(), null, List.of(event(meeting, slot, sequence,
				mentee, mentor, reader, reader.zone(), words, now, organizerEmail, ImmutableStatus.VEVENT_CANCELLED))));
	}

	/**
	 * A subscribable feed of the member's scheduled and held meetings, and of those that
	 * did not take place or were never confirmed (marked, {@link #mark}), named in the
	 * member's language. No attendees: the API never shows a member the other's e-mail
	 * address, and whoever holds the feed URL reads the feed; the names are in the
	 * summary.
	 */
	static byte[] feed(List<Meeting> meetings, Map<UUID, MemberSummary> members, ZoneId zone, Words words, Instant now,
			String organizerEmail) {
		List<VEvent> events = meetings.stream()
			.map((meeting) -> event(meeting, meeting.getScheduled(), meeting.getInvitationSequence(),
					members.get(meeting.getMenteeId()), members.get(meeting.getMentorId()), null, zone, words, now,
					organizerEmail, ImmutableStatus.VEVENT_CONFIRMED))
			.toList();
		return write(calendar(ImmutableMethod.PUBLISH, zone, words.calendarName(), events));
	}

	private static Calendar calendar(Method method, ZoneId zone, String name, List<VEvent> events) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//alma mentoring//alma-mentoring//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(method);
		if (name != null) {
			calendar.add(new XProperty("X-WR-CALNAME", text(name)));
			calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
		}
		List<Instant> times = events.stream()
			.map((event) -> LocalDateTime.parse(event.getDateTimeStart().get().getValue(), LOCAL)
				.atZone(zone)
				.toInstant())
			.sorted(Comparator.naturalOrder())
			.toList();
		if (!times.isEmpty()) {
			// the last event's end lies within a day of its start
			calendar.add(timeZone(zone, times.get(0), times.get(times.size() - 1).plus(Duration.ofDays(1))));
		}
		events.forEach(calendar::add);
		return calendar;
	}

	private static VEvent event(Meeting meeting, Slot slot, int sequence, MemberSummary mentee, MemberSummary mentor,
			MemberSummary attendee, ZoneId zone, Words words, Instant now, String organizerEmail, Status status) {
		// local times computed here, with their TZID: ical4j 4.0.8 converts a
		// ZonedDateTime through its own zone rules, which put 10 March 2027 in New York
		// an hour off (summer time from the previous year's date)
		LocalDateTime start = LocalDateTime.ofInstant(slot.getStartsAt(), zone);
		VEvent event = new VEvent();
		event.add(new DtStart<>(start).add(new TzId(zone.getId())));
		event.add(new DtEnd<>(start.plusMinutes(slot.getDurationMinutes())).add(new TzId(zone.getId())));
		event.add(new Summary(
				text(mark(meeting.getStatus()) + "Mentoring: " + words.name(mentee) + " & " + words.name(mentor))));
		event.replace(new DtStamp(now));
		event.add(new Uid(uid(meeting)));
		event.add(new Sequence(sequence));
		event.add(status);
		switch (slot.getKind()) {
			case IN_PERSON -> event.add(new Location(text(slot.getPlace())));
			case PHONE -> event.add(new Location(text(words.phone())));
			case VIDEO -> {
				event.add(new Location(text(slot.getLink())));
				event.add(new Url(URI.create(slot.getLink())));
				event.add(new Description(text(slot.getLink())));
			}
		}
		event.add(new Organizer(URI.create("mailto:" + organizerEmail)).add(new Cn("alma Mentoring")));
		if (attendee != null) {
			event
				.add(new Attendee(URI.create("mailto:" + attendee.email())).add(new Cn(parameter(words.name(attendee))))
					.add(Role.REQ_PARTICIPANT)
					.add(PartStat.NEEDS_ACTION)
					.add(Rsvp.FALSE));
		}
		return event;
	}

	/**
	 * The feed keeps meetings that did not take place, are disputed or were never
	 * confirmed, marked in the summary (STATUS stays CONFIRMED: the appointment was
	 * agreed, and a CANCELLED event would read as called off beforehand).
	 */
	static String mark(MeetingStatus status) {
		return switch (status) {
			case NOT_HELD -> "[not held] ";
			case DISPUTED -> "[disputed] ";
			case UNCONFIRMED -> "[unconfirmed] ";
			default -> "";
		};
	}

	/**
	 * The zone's VTIMEZONE with only what the events between {@code from} and {@code to}
	 * need: for a zone with yearly rules, one observance per rule starting the year
	 * before the first event (an RRULE, as Outlook expects); otherwise the offset a year
	 * before the first event and each transition up to the last. Written as text and read
	 * back, so ical4j's zone registry (full history) is not involved.
	 */
	static VTimeZone timeZone(ZoneId zone, Instant from, Instant to) {
		ZoneRules rules = zone.getRules();
		Instant start = from.minus(Duration.ofDays(366));
		var text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//alma//zones//EN\r\n");
		text.append("BEGIN:VTIMEZONE\r\nTZID:").append(zone.getId()).append("\r\n");
		List<ZoneOffsetTransition> history = rules.getTransitions();
		boolean yearly = !rules.getTransitionRules().isEmpty()
				&& (history.isEmpty() || history.get(history.size() - 1).getInstant().isBefore(start));
		if (yearly) {
			int year = LocalDateTime.ofInstant(start, ZoneOffset.UTC).getYear();
			for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
				ZoneOffsetTransition onset = rule.createTransition(year);
				observance(text, rules.isDaylightSavings(onset.getInstant()), onset.getDateTimeBefore(),
						onset.getOffsetBefore(), onset.getOffsetAfter(), rrule(rule));
			}
		}
		else {
			ZoneOffset offset = rules.getOffset(start);
			observance(text, rules.isDaylightSavings(start), LocalDateTime.ofInstant(start, offset), offset, offset,
					null);
			for (ZoneOffsetTransition next = rules.nextTransition(start); next != null
					&& !next.getInstant().isAfter(to); next = rules.nextTransition(next.getInstant())) {
				observance(text, rules.isDaylightSavings(next.getInstant()), next.getDateTimeBefore(),
						next.getOffsetBefore(), next.getOffsetAfter(), null);
			}
		}
		text.append("END:VTIMEZONE\r\nEND:VCALENDAR\r\n");
		try {
			return new CalendarBuilder().build(new StringReader(text.toString()))
				.<VTimeZone>getComponent("VTIMEZONE")
				.orElseThrow();
		}
		catch (IOException | ParserException ex) {
			throw new IllegalStateException("Cannot read the VTIMEZONE of " + zone + ":\n" + text, ex);
		}
	}

	private static void observance(StringBuilder text, boolean daylight, LocalDateTime onset, ZoneOffset from,
			ZoneOffset to, String rrule) {
		String kind = daylight ? "DAYLIGHT" : "STANDARD";
		text.append("BEGIN:").append(kind).append("\r\n");
		text.append("DTSTART:").append(LOCAL.format(onset)).append("\r\n");
		text.append("TZOFFSETFROM:").append(offset(from)).append("\r\n");
		text.append("TZOFFSETTO:").append(offset(to)).append("\r\n");
		if (rrule != null) {
			text.append("RRULE:").append(rrule).append("\r\n");
		}
		text.append("END:").append(kind).append("\r\n");
	}

	/**
	 * {@code +0100}, {@code -0430}, {@code +053000} (seconds only when there are any).
	 */
	private static String offset(ZoneOffset offset) {
		int total = offset.getTotalSeconds();
		int abs = Math.abs(total);
		String value = String.format("%s%02d%02d", (total < 0) ? "-" : "+", abs / 3600, (abs / 60) % 60);
		return (abs % 60 != 0) ? value + String.format("%02d", abs % 60) : value;
	}

	/**
	 * The yearly rule of a transition: "the n-th (or last) weekday of the month" where
	 * the rule is one, else the weekday among the seven days the rule names.
	 */
	private static String rrule(ZoneOffsetTransitionRule rule) {
		String month = "FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue();
		if (rule.getDayOfWeek() == null) {
			return month + ";BYMONTHDAY=" + rule.getDayOfMonthIndicator();
		}
		String day = rule.getDayOfWeek().name().substring(0, 2);
		int indicator = rule.getDayOfMonthIndicator();
		if (indicator == -1 || indicator == rule.getMonth().minLength() - 6
				&& rule.getMonth().minLength() == rule.getMonth().maxLength()) {
			return month + ";BYDAY=-1" + day;
		}
		if (indicator > 0 && (indicator - 1) % 7 == 0) {
			return month + ";BYDAY=" + ((indicator - 1) / 7 + 1) + day;
		}
		var days = new StringBuilder();
		for (int i = 0; i < 7; i++) {
			int dayOfMonth = (indicator > 0) ? indicator + i : rule.getMonth().minLength() + indicator + 1 - i;
			days.append((i == 0) ? "" : ",").append(dayOfMonth);
		}
		return month + ";BYDAY=" + day + ";BYMONTHDAY=" + days;
	}

	/**
	 * Member text in a property value: ical4j escapes line breaks, commas and semicolons,
	 * but passes other control characters (NUL, a lone CR) through; the API refuses them
	 * ({@code SingleLine}), this is the second line for text stored before that.
	 */
	static String text(String value) {
		return value.codePoints()
			.map((c) -> (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.SURROGATE) ? ' '
					: c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	/**
	 * Member text in a parameter value (a name as {@code CN}): ical4j quotes it but does
	 * not escape, so a double quote or a line break would end it; RFC 5545 allows neither
	 * inside a quoted parameter value.
	 */
	static String parameter(String value) {
		return text(value).replace('"', '\'');
	}

	/** The calendar as text, each line folded at 75 octets. */
	private static byte[] write(Calendar calendar) {
		String unfolded = calendar.toString().replace("\r\n ", "").replace("\r\n\t", "");
		var out = new StringBuilder();
		for (String line : unfolded.split("\r\n")) {
			if (!line.isEmpty()) {
				fold(line, out);
			}
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * RFC 5545, 3.1: at most 75 octets per line (the leading space of a continuation
	 * counts), never splitting a character's UTF-8 bytes.
	 */
	static void fold(String line, StringBuilder out) {
		int octets = 0;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > FOLD_OCTETS) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append("\r\n");
	}

}
