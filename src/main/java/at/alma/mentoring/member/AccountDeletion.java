package at.alma.mentoring.member;

import java.util.UUID;

import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.TokensRevoked;
import at.alma.mentoring.privacy.PersonalDataErasure;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member deletes their own account (GDPR article 17), in one transaction, in this
 * order: the password is checked (the sign-in throttle counts a wrong one) and an admin
 * is refused, which changes nothing; {@link MemberDeleted} ends the member's open
 * business through the paths a suspension takes (requests withdrawn or declined,
 * mentorships terminated with the other side mailed, scheduled meetings cancelled, group
 * memberships ended); then every module erases its personal data
 * ({@link PersonalDataErasure}), the account last, which leaves a tombstone; last, the
 * member's tokens die. The process engine's records go with the modules that own them.
 */
@Service
class AccountDeletion {

	private final Members members;

	private final PasswordEncoder passwordEncoder;

	private final Accounts accounts;

	private final DeletionSettings settings;

	private final ApplicationEventPublisher events;

	private final PersonalDataErasure erasure;

	AccountDeletion(Members members, PasswordEncoder passwordEncoder, Accounts accounts, DeletionSettings settings,
			ApplicationEventPublisher events, PersonalDataErasure erasure) {
		this.members = members;
		this.passwordEncoder = passwordEncoder;
		this.accounts = accounts;
		this.settings = settings;
		this.events = events;
		this.erasure = erasure;
	}

	@Transactional
	void delete(UUID memberId, String password, EmailVerifications.PasswordCheck passwordCheck) {
		Member member = this.members.findByIdForUpdate(memberId).orElseThrow(() -> DomainException.notFound("Member"));
		passwordCheck.attempt(member.getEmail(), () -> {
			if (!this.passwordEncoder.matches(password, member.getPasswordHash())) {
				throw DomainException.refused("WRONG_PASSWORD", "The password is wrong");
			}
			return true;
		});
		if (this.settings.refuseAdmins() && (member.hasRole(Role.ADMIN) || this.accounts.isConfiguredAdmin(member))) {
			throw DomainException.refused("ADMIN_CANNOT_DELETE",
					"Admins cannot delete their account: hand the role over first (take the address out of MENTORING_ADMIN_EMAILS)");
		}
		this.events.publishEvent(new MemberDeleted(memberId));
		this.erasure.erase(memberId);
		this.events.publishEvent(new TokensRevoked(memberId));
	}

}
