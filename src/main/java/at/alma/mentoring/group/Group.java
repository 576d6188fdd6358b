package at.alma.mentoring.group;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKey;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;

/**
 * A group of members, led by one or more of them. Guards its rules: a group with members
 * always has a leader, only leaders (or an admin) appoint and remove leaders, and leaders
 * come from the members. Every member appointed leader is remembered, so that
 * {@link GroupLeaderAppointed} is announced once per group and member.
 */
@Entity(name = "MemberGroup")
@NamedQuery(name = "Group.findByIdForUpdate", query = "select g from MemberGroup g where g.id = :id")
@Table(name = "member_groups")
class Group {

	static final int MAX_NAME = 100;

	static final int MAX_DESCRIPTION = 2000;

	@Id
	private UUID id;

	private String name;

	private String nameKey;

	private String description;

	private int memberCount;

	/** Joins so far: numbers the memberships in joining order. */
	private int joins;

	private UUID createdBy;

	private Instant createdAt;

	/**
	 * Set when an account deletion left the group without members: it is no longer
	 * listed, and nobody joins it.
	 */
	private Instant closedAt;

	@Version
	private Long version;

	@OneToMany(mappedBy = "group", cascade = CascadeType.ALL, orphanRemoval = true)
	@MapKey(name = "memberId")
	private Map<UUID, GroupMembership> memberships = new HashMap<>();

	@ElementCollection
	@CollectionTable(name = "group_leader_appointments", joinColumns = @JoinColumn(name = "group_id"))
	@Column(name = "member_id")
	private Set<UUID> everAppointed = new HashSet<>();

	protected Group() {
	}

	private Group(UUID creatorId, String name, String description, Instant now) {
		this.id = UUID.randomUUID();
		this.name = requireName(name);
		this.nameKey = keyOf(this.name);
		this.description = requireDescription(description);
		this.createdBy = creatorId;
		this.createdAt = now;
	}

	/** A new group; its creator is its first member and leader. */
	static Founded found(UUID creatorId, String name, String description, Clock clock) {
		Group group = new Group(creatorId, name, description, clock.instant());
		return new Founded(group, group.admit(creatorId, clock).orElseThrow());
	}

	/**
	 * Adds a member. Whoever joins a group without leaders (everyone left) leads it.
	 * @return the appointment to announce, if the member became leader for the first time
	 */
	Optional<GroupLeaderAppointed> join(UUID memberId, Clock clock) {
		if (this.closedAt != null) {
			throw DomainException.refused("GROUP_CLOSED", "This group is closed");
		}
		if (this.memberships.containsKey(memberId)) {
			throw DomainException.refused("ALREADY_MEMBER", "You are a member of this group already");
		}
		return admit(memberId, clock);
	}

	/**
	 * The last leader stays while other members remain: they appoint a successor first.
	 */
	void leave(UUID memberId) {
		GroupMembership membership = membership(memberId);
		if (membership.isLeader() && leaderCount() == 1 && this.memberships.size() > 1) {
			throw DomainException.refused("LAST_LEADER",
					"You are the group's only leader: appoint another leader before you leave");
		}
		this.memberships.remove(memberId);
		this.memberCount = this.memberships.size();
	}

	/**
	 * A member who deleted their account leaves, whatever their role: the group's last
	 * leader is replaced by the longest-standing member (the lowest join number). A group
	 * left without members is closed (unlike after the last {@link #leave}, which leaves
	 * it open for whoever joins next).
	 * @return the appointment of the successor to announce, if any
	 */
	Optional<GroupLeaderAppointed> depart(UUID memberId, Clock clock) {
		GroupMembership membership = membership(memberId);
		this.memberships.remove(memberId);
		this.memberCount = this.memberships.size();
		if (this.memberships.isEmpty()) {
			this.closedAt = clock.instant();
			return Optional.empty();
		}
		if (!membership.isLeader() || leaderCount() > 0) {
			return Optional.empty();
		}
		return makeLeader(this.memberships.values()
			.stream()
			.min(java.util.Comparator.comparingInt(GroupMembership::getJoinNumber))
			.orElseThrow());
	}

	/**
	 * @return the appointment to announce, if the member leads this group for the first
	 * time
	 */
	Optional<GroupLeaderAppointed> appointLeader(UUID callerId, boolean callerIsAdmin, UUID memberId) {
		requireLeaderOrAdmin(callerId, callerIsAdmin);
		GroupMembership membership = membership(memberId);
		if (membership.isLeader()) {
			throw DomainException.refused("ALREADY_LEADER", "This member leads the group already");
		}
		return makeLeader(membership);
	}

	void removeLeader(UUID callerId, boolean callerIsAdmin, UUID memberId) {
		requireLeaderOrAdmin(callerId, callerIsAdmin);
		GroupMembership membership = membership(memberId);
		if (!membership.isLeader()) {
			throw DomainException.refused("NOT_A_LEADER", "This member does not lead the group");
		}
		if (leaderCount() == 1) {
			throw DomainException.refused("LAST_LEADER", "A group keeps at least one leader");
		}
		membership.stepDown();
	}

	private Optional<GroupLeaderAppointed> admit(UUID memberId, Clock clock) {
		GroupMembership membership = new GroupMembership(this, memberId, ++this.joins, clock.instant());
		this.memberships.put(memberId, membership);
		this.memberCount = this.memberships.size();
		return (leaderCount() == 0) ? makeLeader(membership) : Optional.empty();
	}

	private Optional<GroupLeaderAppointed> makeLeader(GroupMembership membership) {
		membership.lead();
		return this.everAppointed.add(membership.getMemberId())
				? Optional.of(new GroupLeaderAppointed(this.id, membership.getMemberId())) : Optional.empty();
	}

	/** Whether the member leads this group. */
	boolean isLedBy(UUID memberId) {
		GroupMembership membership = this.memberships.get(memberId);
		return membership != null && membership.isLeader();
	}

	private void requireLeaderOrAdmin(UUID callerId, boolean callerIsAdmin) {
		GroupMembership caller = this.memberships.get(callerId);
		if (!callerIsAdmin && (caller == null || !caller.isLeader())) {
			throw DomainException.forbidden("Only a leader of the group or an admin appoints and removes leaders");
		}
	}

	private GroupMembership membership(UUID memberId) {
		GroupMembership membership = this.memberships.get(memberId);
		if (membership == null) {
			throw DomainException.refused("NOT_A_MEMBER", "This member does not belong to the group");
		}
		return membership;
	}

	private long leaderCount() {
		return this.memberships.values().stream().filter(GroupMembership::isLeader).count();
	}

	static String keyOf(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

	private static String requireName(String name) {
		String stripped = (name == null) ? "" : name.strip();
		if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
			throw new InvalidInputException("input.name", "The name needs 1 to " + MAX_NAME + " characters");
		}
		return stripped;
	}

	private static String requireDescription(String description) {
		if (description == null || description.isBlank()) {
			return null;
		}
		String stripped = description.strip();
		if (stripped.length() > MAX_DESCRIPTION) {
			throw new InvalidInputException("input.description",
					"The description may have at most " + MAX_DESCRIPTION + " characters");
		}
		return stripped;
	}

	UUID getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	String getNameKey() {
		return this.nameKey;
	}

	String getDescription() {
		return this.description;
	}

	int getMemberCount() {
		return this.memberCount;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getClosedAt() {
		return this.closedAt;
	}

	/** A new group and the appointment of its creator as leader. */
	record Founded(Group group, GroupLeaderAppointed creatorAppointed) {
	}

}
