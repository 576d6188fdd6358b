package at.alma.mentoring.member;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.member.EmailVerification.Kind;
import at.alma.mentoring.notification.Mailbox;
import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;
import at.alma.mentoring.platform.SecuritySettings;
import at.alma.mentoring.platform.SignedIds;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verified addresses: the link mailed at sign-up, a new link on request, and changing the
 * address ({@code changeEmail}), which takes effect only once the new address is
 * verified. A link carries the verification's id signed with the server's key
 * ({@link SignedIds}, computed by the mail job when it sends); the database keeps its
 * SHA-256 only, as for password resets.
 * <p>
 * A {@code changeEmail} to an address that has an account answers as for a free one: the
 * member sees the same pending address and their old address gets the same notice; the
 * owner of the taken address gets a notice that someone tried to use it, instead of a
 * link.
 */
@Service
class EmailVerifications {

	static final String VERIFICATION_ID = "emailVerificationId";

	static final String MEMBER_ID = "memberId";

	/** Names one "address in use" notice (its mail key). */
	static final String NOTICE_ID = "noticeId";

	private final Members members;

	private final EmailVerificationRepository verifications;

	private final SignedIds signed;

	private final Mailbox mailbox;

	private final PasswordEncoder passwordEncoder;

	private final Accounts accounts;

	private final EmailVerificationSettings settings;

	private final Clock clock;

	EmailVerifications(Members members, EmailVerificationRepository verifications, SecuritySettings security,
			Mailbox mailbox, PasswordEncoder passwordEncoder, Accounts accounts, EmailVerificationSettings settings,
			Clock clock) {
		this.members = members;
		this.verifications = verifications;
		this.signed = new SignedIds("email-verification", security);
		this.mailbox = mailbox;
		this.passwordEncoder = passwordEncoder;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
	}

	/** The link's token of a verification, as the mail job computes it. */
	String tokenFor(UUID verificationId) {
		return this.signed.tokenFor(verificationId);
	}

	/** Mails the sign-up link to the member's address; in the sign-up's transaction. */
	@Transactional
	void signedUp(Member member) {
		post(member, Kind.SIGN_UP, member.getEmail(), null);
	}

	/**
	 * A new link: for the pending address of a change, else for the address in force if
	 * it is not verified yet. The caller has taken it from the throttle.
	 */
	@Transactional
	void resend(UUID memberId) {
		Member member = find(memberId);
		if (member.getPendingEmail() != null) {
			mailChange(member, member.getPendingEmail(), false);
		}
		else if (!member.isEmailVerified()) {
			post(member, Kind.SIGN_UP, member.getEmail(), null);
		}
		else {
			throw DomainException.refused("EMAIL_ALREADY_VERIFIED", "Your e-mail address is verified already");
		}
	}

	/**
	 * Asks to change the address: checks the password (through {@code passwordCheck}, the
	 * sign-in throttle), then waits for the new address to be verified; the old one gets
	 * a notice and stays in force until then.
	 */
	@Transactional
	Profile change(UUID memberId, String newEmail, String password, PasswordCheck passwordCheck) {
		Member member = find(memberId);
		String email = Member.normalizeEmail(newEmail);
		passwordCheck.attempt(member.getEmail(), () -> {
			if (!this.passwordEncoder.matches(password, member.getPasswordHash())) {
				throw DomainException.refused("WRONG_PASSWORD", "The password is wrong");
			}
			return true;
		});
		if (email.equals(member.getEmail())) {
			throw new InvalidInputException("input.newEmail", "EMAIL_UNCHANGED",
					"This is the address your account has already");
		}
		member.requestEmailChange(email);
		mailChange(member, email, true);
		this.members.flush();
		return Profile.of(member);
	}

	/**
	 * Follows a link: genuine, not used, not expired, and still about the address it was
	 * mailed for (EMAIL_CHANGED otherwise). A sign-up link verifies the address in force;
	 * a change link makes the new address the one in force. A configured admin's address,
	 * once verified, brings ADMIN.
	 */
	@Transactional
	Profile verify(String token) {
		EmailVerification verification = this.signed.verify(token)
			.flatMap(this.verifications::findById)
			.filter((found) -> found.getTokenHash().equals(ResetTokens.hash(token)))
			.orElseThrow(EmailVerifications::invalid);
		Instant now = this.clock.instant();
		if (verification.getUsedAt() != null) {
			throw DomainException.refused("VERIFICATION_TOKEN_USED",
					"This verification link was used already; sign in to see whether your address is verified");
		}
		if (!now.isBefore(verification.getExpiresAt())) {
			throw DomainException.refused("VERIFICATION_TOKEN_EXPIRED",
					"This verification link has expired; sign in and ask for a new one");
		}
		Member member = this.members.findById(verification.getMemberId()).orElseThrow(EmailVerifications::invalid);
		boolean current = (verification.getKind() == Kind.SIGN_UP) ? verification.getEmail().equals(member.getEmail())
				: verification.getEmail().equals(member.getPendingEmail())
						&& verification.getPreviousEmail().equals(member.getEmail());
		if (!current) {
			throw DomainException.refused("EMAIL_CHANGED",
					"The address of this link is no longer the one your account waits to have verified");
		}
		if (this.verifications.use(verification.getId(), now) == 0) {
			throw DomainException.refused("VERIFICATION_TOKEN_USED", "This verification link was used already");
		}
		if (verification.getKind() == Kind.SIGN_UP) {
			member.verifyEmail(now);
		}
		else {
			if (this.members.existsByEmail(verification.getEmail())) {
				// taken since the link was mailed; whoever follows it holds that mailbox
				throw taken();
			}
			// the other links of the member now name an address no longer waited for
			member.completeEmailChange(now);
		}
		this.accounts.applyConfiguredAdmin(member);
		try {
			this.members.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw taken(); // a sign-up with the same address won the race
		}
		return Profile.of(member);
	}

	private void mailChange(Member member, String email, boolean noticeToOld) {
		if (this.members.existsByEmail(email)) {
			this.members.findByEmail(email)
				.ifPresent((owner) -> this.mailbox.post(AccountMail.EMAIL_IN_USE, owner.getId().toString(),
						Map.of(MEMBER_ID, owner.getId().toString(), NOTICE_ID, UUID.randomUUID().toString())));
			if (noticeToOld) {
				// the same notice as for a free address, without a link to follow
				UUID id = save(member, Kind.CHANGE, email, member.getEmail()).getId();
				this.verifications.use(id, this.clock.instant());
				this.mailbox.post(AccountMail.EMAIL_CHANGE_NOTICE, member.getId().toString(),
						Map.of(VERIFICATION_ID, id.toString()));
			}
			return;
		}
		UUID id = post(member, Kind.CHANGE, email, member.getEmail());
		if (noticeToOld) {
			this.mailbox.post(AccountMail.EMAIL_CHANGE_NOTICE, member.getId().toString(),
					Map.of(VERIFICATION_ID, id.toString()));
		}
	}

	private UUID post(Member member, Kind kind, String email, String previousEmail) {
		UUID id = save(member, kind, email, previousEmail).getId();
		this.mailbox.post((kind == Kind.SIGN_UP) ? AccountMail.EMAIL_VERIFICATION : AccountMail.EMAIL_CHANGE,
				member.getId().toString(), Map.of(VERIFICATION_ID, id.toString()));
		return id;
	}

	private EmailVerification save(Member member, Kind kind, String email, String previousEmail) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		return this.verifications.save(new EmailVerification(id, member.getId(), kind, email, previousEmail,
				ResetTokens.hash(tokenFor(id)), now, now.plus(this.settings.tokenLifetime())));
	}

	private Member find(UUID id) {
		return this.members.findById(id).orElseThrow(() -> DomainException.notFound("Member"));
	}

	private static DomainException invalid() {
		return DomainException.refused("VERIFICATION_TOKEN_INVALID",
				"This verification link is not valid; sign in and ask for a new one");
	}

	private static DomainException taken() {
		return DomainException.refused("EMAIL_TAKEN", "An account with this e-mail address exists");
	}

	/** Runs the password check under the sign-in throttle of the account. */
	@FunctionalInterface
	interface PasswordCheck {

		boolean attempt(String email, java.util.function.Supplier<Boolean> check);

	}

}
