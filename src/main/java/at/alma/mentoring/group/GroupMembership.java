package at.alma.mentoring.group;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A member's place in a group; changed only through its {@link Group}. */
@Entity
@NamedQuery(name = "GroupMembership.leadersOf", query = """
		select new at.alma.mentoring.group.GroupMemberView(m.memberId, m.group.id, m.leader, m.joinedAt)
		from GroupMembership m where m.group.id in :groupIds and m.leader = true order by m.joinNumber""")
@NamedQuery(name = "GroupMembership.membershipsOf", query = """
		select new at.alma.mentoring.group.GroupMemberView(m.memberId, m.group.id, m.leader, m.joinedAt)
		from GroupMembership m where m.group.id in :groupIds and m.memberId = :memberId""")
@Table(name = "group_memberships")
class GroupMembership {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "group_id")
	private Group group;

	private UUID memberId;

	private boolean leader;

	private int joinNumber;

	private Instant joinedAt;

	protected GroupMembership() {
	}

	GroupMembership(Group group, UUID memberId, int joinNumber, Instant joinedAt) {
		this.id = UUID.randomUUID();
		this.group = group;
		this.memberId = memberId;
		this.joinNumber = joinNumber;
		this.joinedAt = joinedAt;
	}

	void lead() {
		this.leader = true;
	}

	void stepDown() {
		this.leader = false;
	}

	int getJoinNumber() {
		return this.joinNumber;
	}

	UUID getMemberId() {
		return this.memberId;
	}

	boolean isLeader() {
		return this.leader;
	}

	Instant getJoinedAt() {
		return this.joinedAt;
	}

}
