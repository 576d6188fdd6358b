package at.alma.mentoring.member;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import at.alma.mentoring.notification.Mail;
import at.alma.mentoring.notification.MailComposer;
import at.alma.mentoring.notification.MailData;
import at.alma.mentoring.notification.MailSettings;
import at.alma.mentoring.notification.Recipient;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account mails, composed when they are sent: the password reset link (the frontend's
 * {@code /reset-password} page) to the member's address at that moment; the verification
 * links (the frontend's {@code /verify-email} page) to the address they verify; the
 * notice of a {@code changeEmail} to the address in force when it was asked for; the
 * "someone tried to use your address" notice to that address's owner. Tokens are computed
 * from the ids here, never carried by the process.
 */
@Component
class AccountMails implements MailComposer<AccountMail> {

	private final PasswordResetRepository resets;

	private final EmailVerificationRepository verifications;

	private final Members members;

	private final ResetTokens tokens;

	private final EmailVerifications emailVerifications;

	private final MailSettings mailSettings;

	private final PasswordResetSettings resetSettings;

	private final EmailVerificationSettings verificationSettings;

	AccountMails(PasswordResetRepository resets, EmailVerificationRepository verifications, Members members,
			ResetTokens tokens, EmailVerifications emailVerifications, MailSettings mailSettings,
			PasswordResetSettings resetSettings, EmailVerificationSettings verificationSettings) {
		this.resets = resets;
		this.verifications = verifications;
		this.members = members;
		this.tokens = tokens;
		this.emailVerifications = emailVerifications;
		this.mailSettings = mailSettings;
		this.resetSettings = resetSettings;
		this.verificationSettings = verificationSettings;
	}

	@Override
	public Set<AccountMail> kinds() {
		return Set.of(AccountMail.values());
	}

	@Override
	@Transactional(readOnly = true)
	public Mail compose(AccountMail kind, MailData data) {
		return switch (kind) {
			case PASSWORD_RESET -> passwordReset(data);
			case EMAIL_VERIFICATION, EMAIL_CHANGE, EMAIL_CHANGE_NOTICE -> verification(kind, data);
			case EMAIL_IN_USE -> inUse(data);
		};
	}

	private Mail passwordReset(MailData data) {
		UUID id = data.uuid(Passwords.RESET_ID);
		PasswordReset reset = this.resets.findById(id).orElseThrow();
		Member member = this.members.findById(reset.getMemberId()).orElseThrow();
		String link = this.mailSettings.frontendUrl() + "/reset-password?token=" + this.tokens.tokenFor(id);
		return new Mail("password-reset/" + id, recipient(member, member.getEmail()), "password-reset",
				Map.of("link", link, "minutes", this.resetSettings.tokenLifetime().toMinutes()));
	}

	private Mail verification(AccountMail kind, MailData data) {
		UUID id = data.uuid(EmailVerifications.VERIFICATION_ID);
		EmailVerification verification = this.verifications.findById(id).orElseThrow();
		Member member = this.members.findById(verification.getMemberId()).orElseThrow();
		if (kind == AccountMail.EMAIL_CHANGE_NOTICE) {
			return new Mail("email-change-notice/" + id, recipient(member, verification.getPreviousEmail()),
					"email-change-notice", Map.of("newEmail", masked(verification.getEmail())));
		}
		String link = this.mailSettings.frontendUrl() + "/verify-email?token=" + this.emailVerifications.tokenFor(id);
		String template = (kind == AccountMail.EMAIL_VERIFICATION) ? "email-verification" : "email-change";
		return new Mail(template + "/" + id, recipient(member, verification.getEmail()), template,
				Map.of("link", link, "hours", this.verificationSettings.tokenLifetime().toHours()));
	}

	private Mail inUse(MailData data) {
		Member owner = this.members.findById(data.uuid(EmailVerifications.MEMBER_ID)).orElseThrow();
		return new Mail("email-in-use/" + data.uuid(EmailVerifications.NOTICE_ID), recipient(owner, owner.getEmail()),
				"email-in-use", Map.of());
	}

	/** "an***@uni.example": enough for the old address's owner to recognise it. */
	static String masked(String email) {
		int at = email.indexOf('@');
		String local = email.substring(0, Math.max(at, 0));
		String shown = local.substring(0, Math.min(2, local.length()));
		return shown + "***" + email.substring(Math.max(at, 0));
	}

	private static Recipient recipient(Member member, String email) {
		MemberSummary summary = MemberSummary.of(member);
		return new Recipient(member.getId(), email, summary.fullName(), summary.language().locale(), summary.zone());
	}

}
