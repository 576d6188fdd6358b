package at.alma.mentoring.member;

import java.util.UUID;

/**
 * Published in the transaction that deletes a member's account, before their personal
 * data is erased: the modules that hold the member's open business (mentorships, groups)
 * end it in that same transaction, as on {@link MemberSuspended}.
 */
public record MemberDeleted(UUID memberId) {
}
