package at.alma.mentoring.member;

import java.time.Clock;
import java.util.UUID;

import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;
import at.alma.mentoring.platform.TokensRevoked;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suspending a member and lifting it, by an admin. A suspension raises the token version
 * (every token of the member is refused, live subscriptions end), and publishes
 * {@link MemberSuspended}, on which the mentorship module ends the member's open requests
 * and mentorships in the same transaction. Nobody suspends themselves or a configured
 * admin: admins are named in the configuration, and taking one out of it is how an admin
 * is stopped.
 */
@Service
class Suspensions {

	static final int MAX_REASON = 500;

	private final Members members;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AdminActions actions;

	Suspensions(Members members, Accounts accounts, ApplicationEventPublisher events, Clock clock,
			AdminActions actions) {
		this.actions = actions;
		this.members = members;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	AccountView suspend(UUID adminId, UUID memberId, String reason) {
		if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
			throw new InvalidInputException("input.reason",
					"Give the reason of the suspension (1 to " + MAX_REASON + " characters)");
		}
		if (memberId.equals(adminId)) {
			throw DomainException.refused("CANNOT_SUSPEND_SELF", "Admins cannot suspend themselves");
		}
		Member member = find(memberId);
		if (member.hasRole(Role.ADMIN) || this.accounts.isConfiguredAdmin(member)) {
			throw DomainException.refused("CANNOT_SUSPEND_ADMIN",
					"A configured admin cannot be suspended; take the address out of MENTORING_ADMIN_EMAILS instead");
		}
		if (!member.suspend(reason.strip(), this.clock.instant())) {
			throw DomainException.refused("ALREADY_SUSPENDED", "This member is suspended already");
		}
		this.members.flush();
		this.events.publishEvent(new TokensRevoked(memberId));
		this.events.publishEvent(new MemberSuspended(memberId));
		this.actions.save(new AdminAction(adminId, AdminAction.Kind.SUSPEND_MEMBER, memberId, reason.strip(),
				this.clock.instant()));
		return AccountView.of(member);
	}

	@Transactional
	AccountView reactivate(UUID adminId, UUID memberId) {
		Member member = find(memberId);
		if (member.isDeleted()) {
			throw DomainException.refused("ACCOUNT_DELETED", "This account was deleted by its member");
		}
		if (!member.reactivate()) {
			throw DomainException.refused("NOT_SUSPENDED", "This member is not suspended");
		}
		this.members.flush();
		// this node forgets the cached "suspended" at once; other nodes accept the
		// member's new tokens within the revocation cache interval
		this.events.publishEvent(new TokensRevoked(memberId));
		this.actions
			.save(new AdminAction(adminId, AdminAction.Kind.REACTIVATE_MEMBER, memberId, null, this.clock.instant()));
		return AccountView.of(member);
	}

	private Member find(UUID memberId) {
		return this.members.findById(memberId).orElseThrow(() -> DomainException.notFound("Member"));
	}

}
