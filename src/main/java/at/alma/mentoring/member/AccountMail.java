package at.alma.mentoring.member;

import at.alma.mentoring.notification.MailKind;

/** The mails of the member module. */
enum AccountMail implements MailKind {

	/** The link to set a new password ({@code requestPasswordReset}). */
	PASSWORD_RESET,

	/** The link that verifies the address signed up with. */
	EMAIL_VERIFICATION,

	/**
	 * The link that verifies the new address of a {@code changeEmail}, to that address.
	 */
	EMAIL_CHANGE,

	/**
	 * To the address in force when a {@code changeEmail} was asked for: it may change.
	 */
	EMAIL_CHANGE_NOTICE,

	/** To the owner of an address someone asked to change their account to: no link. */
	EMAIL_IN_USE;

	@Override
	public String wireName() {
		return name();
	}

}
