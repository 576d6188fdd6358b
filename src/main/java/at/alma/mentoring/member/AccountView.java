package at.alma.mentoring.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member as admins see them ({@code MemberAccount}): contact data, roles and whether
 * the account is suspended, and why.
 */
record AccountView(UUID id, String email, String firstName, String lastName, List<Role> roles, AccountStatus status,
		Instant suspendedAt, String suspensionReason, Instant createdAt, boolean emailVerified) {

	static AccountView of(Member member) {
		return new AccountView(member.getId(), member.getEmail(), member.getFirstName(), member.getLastName(),
				member.getRoles().stream().sorted().toList(),
				member.isDeleted() ? AccountStatus.DELETED
						: member.isSuspended() ? AccountStatus.SUSPENDED : AccountStatus.ACTIVE,
				member.getSuspendedAt(), member.getSuspensionReason(), member.getCreatedAt(), member.isEmailVerified());
	}

	/** Whether the account may be used. */
	enum AccountStatus {

		ACTIVE, SUSPENDED,

		/** The member deleted the account: a tombstone without personal data. */
		DELETED

	}

}
