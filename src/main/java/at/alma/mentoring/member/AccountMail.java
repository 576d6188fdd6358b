package at.alma.mentoring.member;

import at.alma.mentoring.notification.MailKind;

/** The mails of the member module. */
enum AccountMail implements MailKind {

	/** The link to set a new password ({@code requestPasswordReset}). */
	PASSWORD_RESET;

	@Override
	public String wireName() {
		return name();
	}

}
