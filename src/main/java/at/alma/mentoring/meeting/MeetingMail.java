package at.alma.mentoring.meeting;

import java.util.Locale;
import java.util.function.Function;

import at.alma.mentoring.notification.MailKind;

/**
 * The mails of the meeting module; the BPMN mail steps name them in their {@code mail}
 * input parameter. Each kind knows its recipient and the round of the meeting its key
 * names (a new proposal or a changed invitation is a new mail, a retried job is not).
 */
enum MeetingMail implements MailKind {

	MEETING_PROPOSED(Side.MENTOR, (meeting) -> "p" + meeting.getProposalRound()),
	MEETING_DECLINED(Side.MENTEE, (meeting) -> ""),
	MEETING_SCHEDULED(Side.NAMED, (meeting) -> "s" + meeting.getInvitationSequence()),
	MEETING_CANCELLED(Side.NAMED, (meeting) -> "s" + meeting.getInvitationSequence()),
	MEETING_CONFIRM_REMINDER(Side.NAMED, (meeting) -> ""), MEETING_NOT_HELD(Side.NAMED, (meeting) -> ""),
	MEETING_DISPUTED(Side.NAMED, (meeting) -> ""), MEETING_DISPUTE_RESOLVED(Side.NAMED, (meeting) -> ""),
	MEETING_UNCONFIRMED(Side.NAMED, (meeting) -> ""),
	/** To each configured admin address ({@link MeetingDisputeReminder}). */
	MEETING_DISPUTE_REMINDER(Side.ADMIN, (meeting) -> "");

	/** The variable naming the recipient's side of a {@link Side#NAMED} mail. */
	static final String TO = "to";

	private final Side recipient;

	private final Function<Meeting, String> round;

	MeetingMail(Side recipient, Function<Meeting, String> round) {
		this.recipient = recipient;
		this.round = round;
	}

	@Override
	public String wireName() {
		return name();
	}

	/** {@code MEETING_PROPOSED} → template {@code meeting-proposed}. */
	String template() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Whether the mail goes to the mentor (otherwise to the mentee). */
	boolean toMentor(String namedSide) {
		return switch (this.recipient) {
			case MENTOR -> true;
			case MENTEE -> false;
			case NAMED -> "MENTOR".equals(namedSide);
			case ADMIN -> throw new IllegalStateException(name() + " goes to an admin");
		};
	}

	String round(Meeting meeting) {
		return this.round.apply(meeting);
	}

	/** A fixed side, or the side in the mail's {@code to} variable. */
	enum Side {

		MENTEE, MENTOR, NAMED, ADMIN

	}

}
