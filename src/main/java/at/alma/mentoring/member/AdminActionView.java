package at.alma.mentoring.member;

import java.time.Instant;
import java.util.UUID;

/** An admin action as {@code adminActions} lists it. */
record AdminActionView(UUID id, UUID adminId, AdminAction.Kind action, UUID memberId, UUID groupId, String reason,
		Instant actedAt) {

	static AdminActionView of(AdminAction action) {
		return new AdminActionView(action.getId(), action.getAdminId(), action.getAction(), action.getMemberId(),
				action.getGroupId(), action.getReason(), action.getActedAt());
	}

}
