package at.alma.mentoring.meeting;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.camunda.bpm.engine.variable.Variables;

import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.notification.Mail;
import at.alma.mentoring.notification.MailData;
import at.alma.mentoring.notification.MailSettings;
import at.alma.mentoring.notification.MailTexts;
import at.alma.mentoring.notification.Recipient;

import org.springframework.stereotype.Component;

/**
 * What the meeting mails share: the meeting's texts in the recipient's language and time
 * zone, told from the recipient's side, and a key naming kind, meeting, round and
 * recipient, so a retried job never sends twice. The composers
 * ({@link MeetingNoticeMails}, {@link InvitationMail}, {@link CancellationMail}) add what
 * is theirs.
 * <p>
 * An invitation or cancellation carries its round from the moment it was posted: the
 * invitation's SEQUENCE and the picked time ({@link #round}), so a job that runs after
 * the meeting moved again still sends its own round, under its own key. Mails posted
 * before these variables existed take both from the meeting.
 */
@Component
class MeetingMails {

	/** The invitation's SEQUENCE when the mail was posted. */
	static final String SEQUENCE = "invitationSequence";

	static final String STARTS_AT = "invitationStartsAt";

	static final String MINUTES = "invitationMinutes";

	static final String KIND = "invitationKind";

	static final String PLACE = "invitationPlace";

	static final String LINK = "invitationLink";

	/** The start before the meeting was moved (ISO instant); absent for a first time. */
	static final String MOVED_FROM = "invitationMovedFrom";

	/** The proposal round of new times for a scheduled meeting, when posted. */
	static final String PROPOSAL_ROUND = "proposalRound";

	/** Who asked to move a scheduled meeting (member id). */
	static final String RESCHEDULED_BY = "rescheduledBy";

	/**
	 * Why a meeting was cancelled without a canceller: its mentorship ended
	 * ({@code COMPLETED} or {@code TERMINATED}).
	 */
	static final String MENTORSHIP_ENDED = "mentorshipEnded";

	private final Meetings meetings;

	private final MemberDirectory members;

	private final MailSettings settings;

	private final MailTexts texts;

	MeetingMails(Meetings meetings, MemberDirectory members, MailSettings settings, MailTexts texts) {
		this.meetings = meetings;
		this.members = members;
		this.settings = settings;
		this.texts = texts;
	}

	/**
	 * The variables that fix an invitation's or cancellation's round when it is posted:
	 * SEQUENCE, the picked time and, for a moved meeting, the start before. Transient for
	 * a process (they reach its mail step in the same transaction and are never stored),
	 * plain values for {@code Mailbox.post}.
	 */
	static Map<String, Object> round(Meeting meeting, Slot movedFrom, boolean transientValues) {
		Map<String, Object> values = new HashMap<>();
		Slot slot = meeting.getScheduled();
		values.put(SEQUENCE, meeting.getInvitationSequence());
		values.put(STARTS_AT, slot.getStartsAt().toString());
		values.put(MINUTES, slot.getDurationMinutes());
		values.put(KIND, slot.getKind().name());
		if (slot.getPlace() != null) {
			values.put(PLACE, slot.getPlace());
		}
		if (slot.getLink() != null) {
			values.put(LINK, slot.getLink());
		}
		if (movedFrom != null && !movedFrom.getStartsAt().equals(slot.getStartsAt())) {
			values.put(MOVED_FROM, movedFrom.getStartsAt().toString());
		}
		if (!transientValues) {
			return values;
		}
		Map<String, Object> typed = new HashMap<>();
		values.forEach((name, value) -> typed.put(name, (value instanceof Integer number)
				? Variables.integerValue(number, true) : Variables.stringValue((String) value, true)));
		return typed;
	}

	/** The mail of {@code kind} about the meeting {@code data} names. */
	Mail compose(MeetingMail kind, MailData data, CalendarFile calendar) {
		Meeting meeting = this.meetings.findById(data.uuid(MeetingProcess.MEETING_ID)).orElseThrow();
		MemberSummary mentee = this.members.get(meeting.getMenteeId());
		MemberSummary mentor = this.members.get(meeting.getMentorId());
		boolean toMentor = kind.toMentor(data.string(MeetingMail.TO));
		MemberSummary recipient = toMentor ? mentor : mentee;
		MemberSummary other = toMentor ? mentee : mentor;
		Locale locale = recipient.language().locale();
		var to = new Recipient(recipient.id(), recipient.email(), recipient.fullName(), locale, recipient.zone());
		int round = round(kind, meeting, data);
		Slot slot = postedSlot(data);
		if (slot == null) {
			slot = meeting.getScheduled();
		}

		Map<String, Object> model = new HashMap<>();
		model.put("otherName", other.fullName());
		model.put("link", this.settings.frontendUrl() + "/mentorships/" + meeting.getMentorshipId() + "/meetings/"
				+ meeting.getId());
		model.put("slots", meeting.getSlots().stream().map((proposed) -> describe(proposed, to)).toList());
		if (slot != null) {
			model.put("when", describe(slot, to));
		}
		model.put("declineMessage", meeting.getDeclineMessage());
		String template = kind.template();
		if (kind == MeetingMail.MEETING_SCHEDULED && data.string(MOVED_FROM) != null) {
			template = "meeting-moved";
			model.put("movedFromText", this.texts.dateTime(Instant.parse(data.string(MOVED_FROM)), to));
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
		if (kind == MeetingMail.MEETING_PROPOSED && data.string(RESCHEDULED_BY) != null) {
			// new times for a scheduled meeting, asked for by either side
			template = "meeting-reproposed";
			model.put("byYou", data.string(RESCHEDULED_BY).equals(recipient.id().toString()));
			model.put("movedFromText", this.texts.dateTime(Instant.parse(data.string(MOVED_FROM)), to));
		}
		if (kind == MeetingMail.MEETING_CANCELLED) {
			template = cancellation(meeting, recipient.id(), other, data, model);
		}
		String key = kind.template() + "/" + meeting.getId() + "/" + kind.round(meeting, round) + "/" + recipient.id();
		Mail.CalendarPart file = (calendar != null && slot != null)
				? calendar.of(meeting, slot, round, mentee, mentor, recipient) : null;
		return new Mail(key, to, template, model, List.of(other.fullName()), file);
	}

	/**
	 * The round the mail was posted in. A first proposal is round 1: it is posted before
	 * the meeting's instance knows a {@code scheduleDecision}. Mails posted before rounds
	 * were posted with them take the meeting's round when they are sent.
	 */
	private static int round(MeetingMail kind, Meeting meeting, MailData data) {
		if (kind == MeetingMail.MEETING_PROPOSED) {
			Integer posted = data.integer(PROPOSAL_ROUND);
			if (posted != null) {
				return posted;
			}
			return (data.get(MeetingProcess.DECISION) == null) ? 1 : meeting.getProposalRound();
		}
		Integer posted = data.integer(SEQUENCE);
		return (posted != null) ? posted : meeting.getInvitationSequence();
	}

	/**
	 * The cancellation as its reader sees it: one they made themselves, one the other
	 * side made (with that person's words), or one without a canceller because the
	 * mentorship ended (in words of the reader's language, no reason text).
	 */
	private static String cancellation(Meeting meeting, UUID recipientId, MemberSummary other, MailData data,
			Map<String, Object> model) {
		UUID canceller = meeting.getCancelledBy();
		if (canceller == null) {
			model.put("completed", "COMPLETED".equals(data.string(MENTORSHIP_ENDED)));
			return "meeting-cancelled-ended";
		}
		model.put("cancelReason", meeting.getCancelReason());
		if (canceller.equals(recipientId)) {
			return "meeting-cancelled-by-you";
		}
		model.put("cancelledByName", other.fullName());
		return "meeting-cancelled";
	}

	private static Slot postedSlot(MailData data) {
		String startsAt = data.string(STARTS_AT);
		if (startsAt == null) {
			return null;
		}
		return new Slot(Instant.parse(startsAt), data.integer(MINUTES), MeetingKind.valueOf(data.string(KIND)),
				data.string(PLACE), data.string(LINK), "mail");
	}

	/** The reader's words in a calendar file. */
	Invitations.Words calendarWords(MemberSummary reader) {
		Locale locale = reader.language().locale();
		return new Invitations.Words(this.texts.text("calendar.phone", locale),
				this.texts.text("calendar.name", locale), this.texts.text("former-member", locale));
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

	/**
	 * A time of the meeting as the recipient reads it, for the templates: {@code label}
	 * (date, time with its zone, length, kind), then {@code place} or the video
	 * {@code link} (the HTML part makes it a link); {@code text} is the whole line as the
	 * plain-text part prints it.
	 */
	Map<String, String> describe(Slot slot, Recipient to) {
		String label = this.texts.text("meeting.slot", to.locale(), this.texts.dateTime(slot.getStartsAt(), to),
				slot.getDurationMinutes(), this.texts.text("meeting.kind." + slot.getKind().name(), to.locale()));
		String place = (slot.getKind() == MeetingKind.IN_PERSON) ? slot.getPlace() : null;
		String link = (slot.getKind() == MeetingKind.VIDEO) ? slot.getLink() : null;
		String where = (place != null) ? place : link;
		Map<String, String> text = new HashMap<>();
		text.put("label", label);
		text.put("place", place);
		text.put("link", link);
		text.put("text", (where != null) ? label + ": " + where : label);
		return text;
	}

	/** The calendar object a meeting mail carries. */
	@FunctionalInterface
	interface CalendarFile {

		Mail.CalendarPart of(Meeting meeting, Slot slot, int sequence, MemberSummary mentee, MemberSummary mentor,
				MemberSummary recipient);

	}

}
