package at.alma.mentoring.feedback;

import at.alma.mentoring.notification.MailKind;

/** The mails of the feedback module. */
enum FeedbackMail implements MailKind {

	/** A feedback request's link; its template names the occasion. */
	FEEDBACK_REQUEST;

	@Override
	public String wireName() {
		return name();
	}

}
