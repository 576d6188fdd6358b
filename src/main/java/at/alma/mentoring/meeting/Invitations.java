package at.alma.mentoring.meeting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import at.alma.mentoring.member.MemberSummary;

/**
 * iCalendar (RFC 5545/5546) documents for meetings, written with ical4j: invitations
 * (METHOD:REQUEST, a stable UID per meeting, SEQUENCE raised on every change),
 * cancellations (METHOD:CANCEL, same UID) and the member's calendar feed. Times are given
 * in the recipient's own zone, with its VTIMEZONE.
 */
final class Invitations {

	static final String CONTENT_TYPE = "text/calendar";

	private static final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

	private Invitations() {
	}

	static String uid(Meeting meeting) {
		return "meeting-" + meeting.getId() + "@alma-mentoring";
	}

	static byte[] request(Meeting meeting, MemberSummary mentee, MemberSummary mentor, ZoneId zone, Instant now,
			String organizerEmail) {
		return write(calendar(ImmutableMethod.REQUEST, zone, List
			.of(event(meeting, mentee, mentor, zone, now, organizerEmail, ImmutableStatus.VEVENT_CONFIRMED, true))));
	}

	static byte[] cancel(Meeting meeting, MemberSummary mentee, MemberSummary mentor, ZoneId zone, Instant now,
			String organizerEmail) {
		return write(calendar(ImmutableMethod.CANCEL, zone, List
			.of(event(meeting, mentee, mentor, zone, now, organizerEmail, ImmutableStatus.VEVENT_CANCELLED, true))));
	}

	/**
	 * A subscribable feed of the member's scheduled and held meetings, and of those that
	 * did not take place or were never confirmed (marked, {@link #mark}). No attendees:
	 * the API never shows a member the other's e-mail address, and whoever holds the feed
	 * URL reads the feed; the names are in the summary.
	 */
	static byte[] feed(List<Meeting> meetings, Map<UUID, MemberSummary> members, ZoneId zone, Instant now,
			String organizerEmail) {
		List<VEvent> events = meetings.stream()
			.map((meeting) -> event(meeting, members.get(meeting.getMenteeId()), members.get(meeting.getMentorId()),
					zone, now, organizerEmail, ImmutableStatus.VEVENT_CONFIRMED, false))
			.toList();
		return write(calendar(ImmutableMethod.PUBLISH, zone, events));
	}

	private static Calendar calendar(Method method, ZoneId zone, List<VEvent> events) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//alma mentoring//alma-mentoring//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(method);
		calendar.add(zones.getTimeZone(zone.getId()).getVTimeZone());
		events.forEach(calendar::add);
		return calendar;
	}

	private static VEvent event(Meeting meeting, MemberSummary mentee, MemberSummary mentor, ZoneId zone, Instant now,
			String organizerEmail, Status status, boolean attendees) {
		Slot slot = meeting.getScheduled();
		ZonedDateTime start = slot.getStartsAt().atZone(zone);
		String summary = text(
				mark(meeting.getStatus()) + "Mentoring: " + mentee.fullName() + " & " + mentor.fullName());
		VEvent event = new VEvent(start, start.plusMinutes(slot.getDurationMinutes()), summary);
		event.replace(new DtStamp(now));
		event.add(new Uid(uid(meeting)));
		event.add(new Sequence(meeting.getInvitationSequence()));
		event.add(status);
		if (slot.getPlace() != null) {
			event.add(new Location(text(slot.getPlace())));
		}
		if (slot.getLink() != null) {
			event.add(new Url(URI.create(slot.getLink())));
			event.add(new Description(text(slot.getLink())));
		}
		event.add(new Organizer(URI.create("mailto:" + organizerEmail)).add(new Cn("alma Mentoring")));
		if (attendees) {
			for (MemberSummary participant : List.of(mentee, mentor)) {
				event.add(new Attendee(URI.create("mailto:" + participant.email()))
					.add(new Cn(parameter(participant.fullName())))
					.add(Role.REQ_PARTICIPANT));
			}
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

	private static byte[] write(Calendar calendar) {
		var out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

}
