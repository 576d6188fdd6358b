package at.alma.mentoring.meeting;

import java.util.Locale;
import java.util.function.BiFunction;

import at.alma.mentoring.notification.MailKind;

/**
 * The mails of the meeting module; the BPMN mail steps name them in their {@code mail}
 * input parameter. Each kind knows its recipient and the round of the meeting its key
 * names (a new proposal or a changed invitation is a new mail, a retried job is not). The
 * round of an invitation or cancellation is taken when the mail is posted
 * ({@link MeetingMails#SEQUENCE}), not when its job runs: a job that runs late keeps its
 * own round.
 */
enum MeetingMail implements MailKind {

	MEETING_PROPOSED(Side.MENTOR, (meeting, round) -> "p" + round),
	MEETING_DECLINED(Side.MENTEE, (meeting, sequence) -> ""),
	MEETING_SCHEDULED(Side.NAMED, (meeting, sequence) -> "s" + sequence),
	MEETING_CANCELLED(Side.NAMED, (meeting, sequence) -> "s" + sequence),
	MEETING_CONFIRM_REMINDER(Side.NAMED, (meeting, sequence) -> ""),
	MEETING_NOT_HELD(Side.NAMED, (meeting, sequence) -> ""), MEETING_DISPUTED(Side.NAMED, (meeting, sequence) -> ""),
	MEETING_DISPUTE_RESOLVED(Side.NAMED, (meeting, sequence) -> ""),
	MEETING_UNCONFIRMED(Side.NAMED, (meeting, sequence) -> ""),
	/** To each configured admin address ({@link MeetingDisputeReminder}). */
	MEETING_DISPUTE_REMINDER(Side.ADMIN, (meeting, sequence) -> "");

	/** The variable naming the recipient's side of a {@link Side#NAMED} mail. */
	static final String TO = "to";

	private final Side recipient;

	private final BiFunction<Meeting, Integer, String> round;

	MeetingMail(Side recipient, BiFunction<Meeting, Integer, String> round) {
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

	/**
	 * The round the key names; {@code sequence} is the invitation's SEQUENCE when the
	 * mail was posted.
	 */
	String round(Meeting meeting, int sequence) {
		return this.round.apply(meeting, sequence);
	}

	/** A fixed side, or the side in the mail's {@code to} variable. */
	enum Side {

		MENTEE, MENTOR, NAMED, ADMIN

	}

}
