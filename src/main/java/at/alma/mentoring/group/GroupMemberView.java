package at.alma.mentoring.group;

import java.time.Instant;
import java.util.UUID;

/**
 * A member of a group as the API shows them ({@code GroupMember}); {@code id} is the
 * member's id.
 */
record GroupMemberView(UUID id, UUID groupId, boolean leader, Instant joinedAt) {

}
