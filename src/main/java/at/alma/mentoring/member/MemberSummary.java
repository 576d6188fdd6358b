package at.alma.mentoring.member;

import at.alma.mentoring.notification.FormerMember;

import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/**
 * What other modules may know about a member: who they are, how to address and reach
 * them, and their roles.
 */
public record MemberSummary(UUID id, String email, String firstName, String lastName, String displayName,
		Language language, ZoneId zone, Set<Role> roles) {

	/**
	 * First and last name; for a deleted member the placeholder a mail renders as "a
	 * former member" in the reader's language.
	 */
	public String fullName() {
		return this.lastName.isEmpty() ? this.firstName : this.firstName + " " + this.lastName;
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	static MemberSummary of(Member member) {
		if (member.isDeleted()) {
			return new MemberSummary(member.getId(), member.getEmail(), FormerMember.PLACEHOLDER, "",
					FormerMember.PLACEHOLDER, member.getLanguage(), ZoneId.of(member.getTimeZone()),
					Set.copyOf(member.getRoles()));
		}
		return new MemberSummary(member.getId(), member.getEmail(), member.getFirstName(), member.getLastName(),
				member.getDisplayName(), member.getLanguage(), ZoneId.of(member.getTimeZone()),
				Set.copyOf(member.getRoles()));
	}

}
