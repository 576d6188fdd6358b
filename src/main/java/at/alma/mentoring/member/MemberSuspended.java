package at.alma.mentoring.member;

import java.util.UUID;

/**
 * Published in the transaction that suspends a member: the modules that hold the member's
 * open business (mentorships) end it in that same transaction.
 */
public record MemberSuspended(UUID memberId) {
}
