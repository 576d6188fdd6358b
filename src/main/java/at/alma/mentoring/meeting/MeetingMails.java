package at.alma.mentoring.meeting;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.notification.Mail;
import at.alma.mentoring.notification.MailData;
import at.alma.mentoring.notification.MailSettings;
import at.alma.mentoring.notification.Recipient;

import org.springframework.stereotype.Component;

/**
 * What the meeting mails share: the meeting's texts in the recipient's language and time
 * zone, and a key naming kind, meeting, round and recipient, so a retried job never sends
 * twice. The composers ({@link MeetingNoticeMails}, {@link InvitationMail},
 * {@link CancellationMail}) add what is theirs.
 */
@Component
class MeetingMails {

	private final Meetings meetings;

	private final MemberDirectory members;

	private final MailSettings settings;

	MeetingMails(Meetings meetings, MemberDirectory members, MailSettings settings) {
		this.meetings = meetings;
		this.members = members;
		this.settings = settings;
	}

	/** The mail of {@code kind} about the meeting {@code data} names. */
	Mail compose(MeetingMail kind, MailData data, Attachments attachments) {
		Meeting meeting = this.meetings.findById(data.uuid(MeetingProcess.MEETING_ID)).orElseThrow();
		MemberSummary mentee = this.members.get(meeting.getMenteeId());
		MemberSummary mentor = this.members.get(meeting.getMentorId());
		boolean toMentor = kind.toMentor(data.string(MeetingMail.TO));
		MemberSummary recipient = toMentor ? mentor : mentee;
		MemberSummary other = toMentor ? mentee : mentor;
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
		if (meeting.getNotHeldReportedBy() != null) {
			model.put("reporterName",
					meeting.getNotHeldReportedBy().equals(mentee.id()) ? mentee.fullName() : mentor.fullName());
		}
		model.put("notHeldReason", meeting.getNotHeldReason());
		model.put("youReported", recipient.id().equals(meeting.getNotHeldReportedBy()));
		model.put("withdrawn", meeting.getConfirmationWithdrawnAt() != null);
		model.put("withdrawalReason", meeting.getWithdrawalReason());
		model.put("resolvedHeld", meeting.getDisputeResolution() == MeetingStatus.HELD);
		model.put("resolutionReason", meeting.getDisputeResolutionReason());
		String key = kind.template() + "/" + meeting.getId() + "/" + kind.round(meeting) + "/" + recipient.id();
		return new Mail(key, new Recipient(recipient.email(), recipient.fullName(), locale, recipient.zone()),
				kind.template(), model, List.of(other.fullName()), attachments.of(meeting, mentee, mentor, recipient));
	}

	/** The address the calendar files name as the organizer: the mails' sender. */
	String organizer() {
		try {
			return InternetAddress.parse(this.settings.from())[0].getAddress();
		}
		catch (AddressException ex) {
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

	/** The files a meeting mail attaches. */
	@FunctionalInterface
	interface Attachments {

		Attachments NONE = (meeting, mentee, mentor, recipient) -> List.of();

		List<Mail.Attachment> of(Meeting meeting, MemberSummary mentee, MemberSummary mentor, MemberSummary recipient);

	}

}
