package at.alma.mentoring.notification;

/**
 * The name of a member who deleted their account, as it reaches a mail: a placeholder the
 * {@link MailRenderer} replaces with "a former member" in the recipient's language
 * (message {@code former-member}), wherever it stands in the model or subject.
 */
public final class FormerMember {

	/** Stands for the name of a deleted member in a mail's model. */
	public static final String PLACEHOLDER = "\u2063former-member\u2063";

	private FormerMember() {
	}

}
