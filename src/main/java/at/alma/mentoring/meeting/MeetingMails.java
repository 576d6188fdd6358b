package at.alma.mentoring.meeting;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.InternetAddress;

import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.notification.Mail;
import at.alma.mentoring.notification.MailComposer;
import at.alma.mentoring.notification.MailSettings;
import at.alma.mentoring.notification.Recipient;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meeting mails, each in the recipient's language and time zone; scheduling and
 * cancelling carry an iCalendar invitation or cancellation.
 */
@Component
class MeetingMails implements MailComposer {

	static final Set<String> KINDS = Set.of("MEETING_PROPOSED", "MEETING_DECLINED", "MEETING_SCHEDULED",
			"MEETING_CANCELLED", "MEETING_CONFIRM_REMINDER");

	private final Meetings meetings;

	private final MemberDirectory members;

	private final MailSettings settings;

	private final java.time.Clock clock;

	MeetingMails(Meetings meetings, MemberDirectory members, MailSettings settings, java.time.Clock clock) {
		this.meetings = meetings;
		this.members = members;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Mail> compose(String kind, Map<String, Object> variables) {
		if (!KINDS.contains(kind)) {
			return Optional.empty();
		}
		Meeting meeting = this.meetings.findById(UUID.fromString((String) variables.get(MeetingProcess.MEETING_ID)))
			.orElseThrow();
		MemberSummary mentee = this.members.get(meeting.getMenteeId());
		MemberSummary mentor = this.members.get(meeting.getMentorId());
		String side = switch (kind) {
			case "MEETING_PROPOSED" -> "MENTOR";
			case "MEETING_DECLINED" -> "MENTEE";
			default -> (String) variables.get("to");
		};
		MemberSummary recipient = "MENTOR".equals(side) ? mentor : mentee;
		MemberSummary other = "MENTOR".equals(side) ? mentee : mentor;
		Locale locale = recipient.language().locale();
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(recipient.zone());

		Map<String, Object> model = new HashMap<>();
		model.put("otherName", other.fullName());
		model.put("link", this.settings.frontendUrl() + "/mentorships/" + meeting.getMentorshipId() + "/meetings/"
				+ meeting.getId());
		model.put("zoneName", recipient.zone().getId());
		model.put("slotTexts", meeting.getSlots().stream().map((slot) -> describe(slot, format)).toList());
		if (meeting.getScheduled() != null) {
			model.put("whenText", describe(meeting.getScheduled(), format));
		}
		model.put("declineMessage", meeting.getDeclineMessage());
		model.put("cancelReason", meeting.getCancelReason());
		if (meeting.getCancelledBy() != null) {
			model.put("cancelledByName",
					meeting.getCancelledBy().equals(mentee.id()) ? mentee.fullName() : mentor.fullName());
		}
		String round = switch (kind) {
			case "MEETING_PROPOSED" -> "p" + meeting.getProposalRound();
			case "MEETING_SCHEDULED", "MEETING_CANCELLED" -> "s" + meeting.getInvitationSequence();
			default -> "";
		};
		String key = kind.toLowerCase(Locale.ROOT).replace('_', '-') + "/" + meeting.getId() + "/" + round + "/"
				+ recipient.id();
		List<Mail.Attachment> attachments = switch (kind) {
			case "MEETING_SCHEDULED" -> List.of(new Mail.Attachment("invitation.ics",
					Invitations.CONTENT_TYPE + "; charset=UTF-8; method=REQUEST",
					Invitations.request(meeting, mentee, mentor, recipient.zone(), this.clock.instant(), organizer())));
			case "MEETING_CANCELLED" -> List.of(new Mail.Attachment("cancellation.ics",
					Invitations.CONTENT_TYPE + "; charset=UTF-8; method=CANCEL",
					Invitations.cancel(meeting, mentee, mentor, recipient.zone(), this.clock.instant(), organizer())));
			default -> List.of();
		};
		String template = kind.toLowerCase(Locale.ROOT).replace('_', '-');
		return Optional
			.of(new Mail(key, new Recipient(recipient.email(), recipient.fullName(), locale, recipient.zone()),
					template, model, List.of(other.fullName()), attachments));
	}

	private String organizer() {
		try {
			return InternetAddress.parse(this.settings.from())[0].getAddress();
		}
		catch (jakarta.mail.internet.AddressException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String describe(Slot slot, DateTimeFormatter format) {
		String where = switch (slot.getKind()) {
			case IN_PERSON -> slot.getPlace();
			case VIDEO -> slot.getLink();
			case PHONE -> "☎";
		};
		return format.format(slot.getStartsAt()) + " (" + slot.getDurationMinutes() + " min, " + where + ")";
	}

}
