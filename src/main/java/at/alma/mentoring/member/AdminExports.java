package at.alma.mentoring.member;

import java.time.Clock;
import java.util.UUID;

import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's export of a member's data on the member's request (GDPR article 15): the way
 * for a member who cannot sign in, such as a suspended one, to get the copy
 * {@code GET /api/me/export} gives everyone else. Each export is an admin action with the
 * request as its reason, written before the archive is built, so that every access to a
 * member's data by someone else stands in {@code adminActions}.
 */
@Service
class AdminExports {

	static final int MAX_REASON = 500;

	private final Members members;

	private final AdminActions actions;

	private final Clock clock;

	AdminExports(Members members, AdminActions actions, Clock clock) {
		this.members = members;
		this.actions = actions;
		this.clock = clock;
	}

	/**
	 * Records that {@code adminId} exports {@code memberId}'s data; a deleted account has
	 * nothing left to export and is not found.
	 */
	@Transactional
	void record(UUID adminId, UUID memberId, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "Say whose request this export answers (reason)");
		}
		if (reason.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "reason may have at most " + MAX_REASON + " characters");
		}
		Member member = this.members.findById(memberId)
			.filter((found) -> !found.isDeleted())
			.orElseThrow(() -> DomainException.notFound("Member"));
		this.actions.save(new AdminAction(adminId, AdminAction.Kind.EXPORT_MEMBER_DATA, member.getId(), reason.strip(),
				this.clock.instant()));
	}

}
