package at.alma.mentoring.mentorship;

import java.util.Locale;

/**
 * The mails of the mentorship processes; the BPMN mail steps name them in their
 * {@code mail} input parameter.
 */
enum MentorshipMail {

	REQUEST_RECEIVED(Side.MENTOR), REQUEST_REMINDER(Side.MENTOR), REQUEST_ACCEPTED(Side.MENTEE),
	REQUEST_DECLINED(Side.MENTEE), REQUEST_WITHDRAWN(Side.MENTOR), REQUEST_EXPIRED(Side.MENTEE),
	AGREEMENT_SUBMITTED(Side.MENTOR), AGREEMENT_REMINDER(Side.MENTOR), AGREEMENT_APPROVED(Side.MENTEE),
	AGREEMENT_CHANGES_REQUESTED(Side.MENTEE), CLOSURE_PROPOSED(Side.CLOSURE_CONFIRMER),
	CLOSURE_REMINDER(Side.CLOSURE_CONFIRMER), CLOSURE_DECLINED(Side.CLOSURE_PROPOSER),
	CLOSURE_LAPSED(Side.CLOSURE_PROPOSER), MENTORSHIP_COMPLETED(Side.NAMED), MENTORSHIP_TERMINATED(Side.NOT_TERMINATOR);

	private final Side recipient;

	MentorshipMail(Side recipient) {
		this.recipient = recipient;
	}

	static boolean knows(String kind) {
		return java.util.Arrays.stream(values()).anyMatch((mail) -> mail.name().equals(kind));
	}

	/** Agreement mails are about one version; the others about the mentorship. */
	boolean aboutAgreement() {
		return name().startsWith("AGREEMENT_");
	}

	Side recipient() {
		return this.recipient;
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

		MENTEE, MENTOR, CLOSURE_CONFIRMER, CLOSURE_PROPOSER, NAMED, NOT_TERMINATOR

	}

}
