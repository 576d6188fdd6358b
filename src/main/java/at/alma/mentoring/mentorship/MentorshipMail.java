package at.alma.mentoring.mentorship;

import java.util.Locale;
import java.util.UUID;

import at.alma.mentoring.notification.MailData;
import at.alma.mentoring.notification.MailKind;

/**
 * The mails of the mentorship processes; the BPMN mail steps name them in their
 * {@code mail} input parameter. Each kind knows its recipient.
 */
enum MentorshipMail implements MailKind {

	REQUEST_RECEIVED(Side.MENTOR), REQUEST_REMINDER(Side.MENTOR), REQUEST_ACCEPTED(Side.MENTEE),
	REQUEST_DECLINED(Side.MENTEE), REQUEST_WITHDRAWN(Side.MENTOR), REQUEST_EXPIRED(Side.MENTEE),
	AGREEMENT_SUBMITTED(Side.MENTOR), AGREEMENT_REMINDER(Side.MENTOR), AGREEMENT_APPROVED(Side.MENTEE),
	AGREEMENT_CHANGES_REQUESTED(Side.MENTEE), CLOSURE_PROPOSED(Side.CLOSURE_CONFIRMER),
	CLOSURE_REMINDER(Side.CLOSURE_CONFIRMER), CLOSURE_DECLINED(Side.CLOSURE_PROPOSER),
	CLOSURE_LAPSED(Side.CLOSURE_PROPOSER), MENTORSHIP_COMPLETED(Side.NAMED), MENTORSHIP_TERMINATED(Side.NOT_TERMINATOR),
	AGREEMENT_DRIFT(Side.NAMED), AGREEMENT_REVIEW_REMINDER(Side.MENTEE);

	private final Side recipient;

	MentorshipMail(Side recipient) {
		this.recipient = recipient;
	}

	@Override
	public String wireName() {
		return name();
	}

	/** Who receives this mail about {@code mentorship}. */
	UUID recipient(Mentorship mentorship, MailData data) {
		return this.recipient.of(mentorship, data);
	}

	/** {@code REQUEST_RECEIVED} → template {@code request-received}. */
	String template() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Who receives it: a fixed side, or a side named by the process's variables (the
	 * member asked to confirm a closure, the one who proposed it, the side in {@code to},
	 * the one who did not end the mentorship).
	 */
	enum Side {

		MENTEE {
			@Override
			UUID of(Mentorship mentorship, MailData data) {
				return mentorship.getMenteeId();
			}
		},
		MENTOR {
			@Override
			UUID of(Mentorship mentorship, MailData data) {
				return mentorship.getMentorId();
			}
		},
		CLOSURE_CONFIRMER {
			@Override
			UUID of(Mentorship mentorship, MailData data) {
				return data.uuid(LifecycleProcess.CLOSURE_CONFIRMER_ID);
			}
		},
		CLOSURE_PROPOSER {
			@Override
			UUID of(Mentorship mentorship, MailData data) {
				return mentorship.otherThan(data.uuid(LifecycleProcess.CLOSURE_CONFIRMER_ID));
			}
		},
		NAMED {
			@Override
			UUID of(Mentorship mentorship, MailData data) {
				return "MENTOR".equals(data.string("to")) ? mentorship.getMentorId() : mentorship.getMenteeId();
			}
		},
		NOT_TERMINATOR {
			@Override
			UUID of(Mentorship mentorship, MailData data) {
				return mentorship.otherThan(mentorship.getTerminatedBy());
			}
		};

		abstract UUID of(Mentorship mentorship, MailData data);

	}

}
