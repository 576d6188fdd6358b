package at.alma.mentoring.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.notification.MailSettings;
import at.alma.mentoring.notification.MailTexts;
import at.alma.mentoring.platform.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's calendar: their meetings across all mentorships, in the API and as a
 * subscribable iCalendar feed.
 */
@Service
class MeetingCalendar {

	static final Duration MAX_RANGE = Duration.ofDays(366);

	/**
	 * A meeting that took place, or may have, stays in the calendar: a meeting that did
	 * not take place, is disputed or was never confirmed keeps its entry, marked in the
	 * feed's summary; its invitation is not cancelled after the fact.
	 */
	private static final Set<MeetingStatus> IN_CALENDAR = EnumSet.of(MeetingStatus.SCHEDULED, MeetingStatus.HELD,
			MeetingStatus.NOT_HELD, MeetingStatus.DISPUTED, MeetingStatus.UNCONFIRMED);

	private final Meetings meetings;

	private final CalendarFeeds feeds;

	private final MemberDirectory members;

	private final MeetingSettings settings;

	private final MailSettings mailSettings;

	private final MailTexts texts;

	private final Clock clock;

	MeetingCalendar(Meetings meetings, CalendarFeeds feeds, MemberDirectory members, MeetingSettings settings,
			MailSettings mailSettings, MailTexts texts, Clock clock) {
		this.texts = texts;
		this.meetings = meetings;
		this.feeds = feeds;
		this.members = members;
		this.settings = settings;
		this.mailSettings = mailSettings;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<MeetingView> between(UUID memberId, Instant from, Instant to) {
		if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
			throw new InvalidInputException("to", "to must be after from, at most a year later");
		}
		var zone = this.members.get(memberId).zone();
		return this.meetings.calendarOf(memberId, IN_CALENDAR, from, to)
			.stream()
			.map((meeting) -> MeetingView.of(meeting, zone))
			.toList();
	}

	@Transactional(readOnly = true)
	Optional<String> feedUrl(UUID memberId) {
		return this.feeds.findById(memberId).map(this::url);
	}

	/** Creates the feed or replaces its token: the old URL stops working. */
	@Transactional
	String rotate(UUID memberId) {
		CalendarFeed feed = this.feeds.findById(memberId).orElse(null);
		if (feed == null) {
			feed = this.feeds.save(new CalendarFeed(memberId, this.clock.instant()));
		}
		else {
			feed.rotate(this.clock.instant());
		}
		return url(feed);
	}

	/** The feed for a token, or empty for an unknown (revoked) one. */
	@Transactional(readOnly = true)
	Optional<byte[]> feed(String token) {
		return this.feeds.findByToken(token).map((feed) -> {
			MemberSummary member = this.members.get(feed.getMemberId());
			List<Meeting> mine = this.meetings.allOf(member.id(), IN_CALENDAR);
			Set<UUID> people = new HashSet<>();
			mine.forEach((meeting) -> {
				people.add(meeting.getMenteeId());
				people.add(meeting.getMentorId());
			});
			var locale = member.language().locale();
			var words = new Invitations.Words(this.texts.text("calendar.phone", locale),
					this.texts.text("calendar.name", locale), this.texts.text("former-member", locale));
			return Invitations.feed(mine, this.members.findAll(people), member.zone(), words, this.clock.instant(),
					organizer());
		});
	}

	private String url(CalendarFeed feed) {
		return this.settings.feedBaseUrl() + "/calendar/" + feed.getToken() + ".ics";
	}

	private String organizer() {
		try {
			return InternetAddress.parse(this.mailSettings.from())[0].getAddress();
		}
		catch (AddressException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
