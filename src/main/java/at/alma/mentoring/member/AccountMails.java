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
 * The account mails: the password reset link (the frontend's {@code /reset-password} page
 * with the token, computed from the reset's id when the mail is sent), to the member's
 * address at that moment.
 */
@Component
class AccountMails implements MailComposer<AccountMail> {

	private final PasswordResetRepository resets;

	private final Members members;

	private final ResetTokens tokens;

	private final MailSettings mailSettings;

	private final PasswordResetSettings resetSettings;

	AccountMails(PasswordResetRepository resets, Members members, ResetTokens tokens, MailSettings mailSettings,
			PasswordResetSettings resetSettings) {
		this.resets = resets;
		this.members = members;
		this.tokens = tokens;
		this.mailSettings = mailSettings;
		this.resetSettings = resetSettings;
	}

	@Override
	public Set<AccountMail> kinds() {
		return Set.of(AccountMail.PASSWORD_RESET);
	}

	@Override
	@Transactional(readOnly = true)
	public Mail compose(AccountMail kind, MailData data) {
		UUID id = data.uuid(Passwords.RESET_ID);
		PasswordReset reset = this.resets.findById(id).orElseThrow();
		Member member = this.members.findById(reset.getMemberId()).orElseThrow();
		String link = this.mailSettings.frontendUrl() + "/reset-password?token=" + this.tokens.tokenFor(id);
		return new Mail("password-reset/" + id, recipient(member), "password-reset",
				Map.of("link", link, "minutes", this.resetSettings.tokenLifetime().toMinutes()));
	}

	private static Recipient recipient(Member member) {
		MemberSummary summary = MemberSummary.of(member);
		return new Recipient(summary.email(), summary.fullName(), summary.language().locale(), summary.zone());
	}

}
