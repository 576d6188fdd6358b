package at.alma.mentoring.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One thing an admin did to a member: who, when, what, why. Never changed. */
@Entity
@Table(name = "admin_actions")
class AdminAction {

	@Id
	private UUID id;

	private UUID adminId;

	@Enumerated(EnumType.STRING)
	private Kind action;

	private UUID memberId;

	private String reason;

	/** The group of a group leader override; null otherwise. */
	private UUID groupId;

	private Instant actedAt;

	protected AdminAction() {
	}

	AdminAction(UUID adminId, Kind action, UUID memberId, String reason, Instant actedAt) {
		this.id = UUID.randomUUID();
		this.adminId = adminId;
		this.action = action;
		this.memberId = memberId;
		this.reason = reason;
		this.actedAt = actedAt;
	}

	/** An action on a member of a group. */
	static AdminAction onGroup(UUID adminId, Kind action, UUID memberId, UUID groupId, Instant actedAt) {
		AdminAction recorded = new AdminAction(adminId, action, memberId, null, actedAt);
		recorded.groupId = groupId;
		return recorded;
	}

	UUID getGroupId() {
		return this.groupId;
	}

	UUID getId() {
		return this.id;
	}

	UUID getAdminId() {
		return this.adminId;
	}

	Kind getAction() {
		return this.action;
	}

	UUID getMemberId() {
		return this.memberId;
	}

	String getReason() {
		return this.reason;
	}

	Instant getActedAt() {
		return this.actedAt;
	}

	/** What an admin did ({@code AdminActionKind}). */
	enum Kind {

		SUSPEND_MEMBER, REACTIVATE_MEMBER, APPOINT_GROUP_LEADER, REMOVE_GROUP_LEADER, EXPORT_MEMBER_DATA

	}

}
