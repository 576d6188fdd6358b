package at.alma.mentoring.group;

import java.util.UUID;

/**
 * A member became a leader of a group (its creator included). Published at most once per
 * group and member, even if they step down and are appointed again.
 */
public record GroupLeaderAppointed(UUID groupId, UUID memberId) {
}
