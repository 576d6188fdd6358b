package at.alma.mentoring.member;

import java.util.OptionalLong;
import java.util.UUID;

import at.alma.mentoring.platform.TokenVersions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token versions the platform checks every token against: a member's current one,
 * none for a member who does not exist (any more) or is suspended.
 */
@Component
class MemberTokenVersions implements TokenVersions {

	private final Members members;

	MemberTokenVersions(Members members) {
		this.members = members;
	}

	@Override
	@Transactional(readOnly = true)
	public OptionalLong current(UUID memberId) {
		return this.members.findTokenVersion(memberId).map(OptionalLong::of).orElseGet(OptionalLong::empty);
	}

}
