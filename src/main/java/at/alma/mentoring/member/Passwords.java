package at.alma.mentoring.member;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.member.AccountInputs.ChangePasswordInput;
import at.alma.mentoring.member.AccountInputs.ResetPasswordInput;
import at.alma.mentoring.member.Accounts.SignedIn;
import at.alma.mentoring.notification.Mailbox;
import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.TokensRevoked;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing and resetting a password. A new password raises the member's token version:
 * every token issued before is refused from then on ({@code platform.TokenRevocation}),
 * and the reset links not used yet become void. The client that changed or reset the
 * password gets a new token in the answer.
 */
@Service
class Passwords {

	static final String RESET_ID = "passwordResetId";

	private final Members members;

	private final PasswordResetRepository resets;

	private final PasswordEncoder passwordEncoder;

	private final ResetTokens resetTokens;

	private final Accounts accounts;

	private final Mailbox mailbox;

	private final ApplicationEventPublisher events;

	private final PasswordResetSettings settings;

	private final Clock clock;

	Passwords(Members members, PasswordResetRepository resets, PasswordEncoder passwordEncoder, ResetTokens resetTokens,
			Accounts accounts, Mailbox mailbox, ApplicationEventPublisher events, PasswordResetSettings settings,
			Clock clock) {
		this.members = members;
		this.resets = resets;
		this.passwordEncoder = passwordEncoder;
		this.resetTokens = resetTokens;
		this.accounts = accounts;
		this.mailbox = mailbox;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Checks the new password's rules first (a weak one costs no sign-in attempt), then
	 * the current password, through {@code currentPasswordCheck} (the sign-in throttle: a
	 * wrong current password counts as a failed sign-in).
	 */
	@Transactional
	SignedIn change(UUID memberId, ChangePasswordInput input, CurrentPasswordCheck currentPasswordCheck) {
		Member member = this.members.findById(memberId).orElseThrow(() -> DomainException.notFound("Member"));
		PasswordPolicy.check("input.newPassword", input.newPassword(), member.getEmail(), member.getFirstName(),
				member.getLastName());
		return currentPasswordCheck.attempt(member.getEmail(), () -> {
			if (!this.passwordEncoder.matches(input.currentPassword(), member.getPasswordHash())) {
				throw DomainException.refused("WRONG_PASSWORD", "The current password is wrong");
			}
			return newPassword(member, input.newPassword());
		});
	}

	/**
	 * Writes a reset and posts its mail when the address has an account; nothing
	 * otherwise. The caller pads the answer time, so both take the same.
	 */
	@Transactional
	void requestReset(String email) {
		this.members.findByEmail(Member.normalizeEmail(email)).ifPresent((member) -> {
			UUID id = UUID.randomUUID();
			Instant now = this.clock.instant();
			this.resets.save(new PasswordReset(id, member.getId(), ResetTokens.hash(this.resetTokens.tokenFor(id)), now,
					now.plus(this.settings.tokenLifetime())));
			this.mailbox.post(AccountMail.PASSWORD_RESET, member.getId().toString(), Map.of(RESET_ID, id.toString()));
		});
	}

	/**
	 * Sets the new password with a reset token: genuine, not used, not expired, and its
	 * member still there; otherwise a coded refusal and nothing changes. A weak new
	 * password leaves the token usable.
	 */
	@Transactional
	SignedIn reset(ResetPasswordInput input) {
		PasswordReset reset = this.resetTokens.verify(input.token())
			.flatMap(this.resets::findById)
			.filter((found) -> found.getTokenHash().equals(ResetTokens.hash(input.token())))
			.orElseThrow(() -> DomainException.refused("RESET_TOKEN_INVALID",
					"This reset link is not valid; ask for a new one"));
		Instant now = this.clock.instant();
		if (reset.getUsedAt() != null) {
			throw used();
		}
		if (!now.isBefore(reset.getExpiresAt())) {
			throw DomainException.refused("RESET_TOKEN_EXPIRED", "This reset link has expired; ask for a new one");
		}
		Member member = this.members.findById(reset.getMemberId())
			.orElseThrow(() -> DomainException.refused("RESET_TOKEN_INVALID",
					"This reset link is not valid; ask for a new one"));
		PasswordPolicy.check("input.newPassword", input.newPassword(), member.getEmail(), member.getFirstName(),
				member.getLastName());
		if (this.resets.use(reset.getId(), now) == 0) {
			throw used();
		}
		// the link came to the address in force: its holder has that mailbox
		member.verifyEmail(now);
		this.accounts.applyConfiguredAdmin(member);
		return newPassword(member, input.newPassword());
	}

	private SignedIn newPassword(Member member, String password) {
		member.changePassword(this.passwordEncoder.encode(password));
		this.resets.useAllOf(member.getId(), this.clock.instant());
		this.members.flush();
		this.events.publishEvent(new TokensRevoked(member.getId()));
		return this.accounts.signedIn(member);
	}

	private static DomainException used() {
		return DomainException.refused("RESET_TOKEN_USED", "This reset link was used already; ask for a new one");
	}

	/** Runs the current password's check under the sign-in throttle of the account. */
	@FunctionalInterface
	interface CurrentPasswordCheck {

		SignedIn attempt(String email, java.util.function.Supplier<SignedIn> check);

	}

}
