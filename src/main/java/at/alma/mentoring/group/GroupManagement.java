package at.alma.mentoring.group;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import at.alma.mentoring.member.AdminActionLog;
import at.alma.mentoring.platform.DomainException;

import at.alma.mentoring.member.MemberDeleted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Founding groups and changing who belongs to and leads them. Each change runs with the
 * group's row locked and commits together with its events.
 */
@Service
class GroupManagement {

	private final Groups groups;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AdminActionLog adminActions;

	private final GroupMemberships memberships;

	GroupManagement(Groups groups, ApplicationEventPublisher events, Clock clock, AdminActionLog adminActions,
			GroupMemberships memberships) {
		this.memberships = memberships;
		this.adminActions = adminActions;
		this.groups = groups;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	GroupView create(UUID creatorId, String name, String description) {
		Group.Founded founded = Group.found(creatorId, name, description, this.clock);
		if (this.groups.existsByNameKey(founded.group().getNameKey())) {
			throw nameTaken();
		}
		try {
			this.groups.saveAndFlush(founded.group());
		}
		catch (DataIntegrityViolationException ex) {
			throw nameTaken(); // the unique index on the name decided a race
		}
		this.events.publishEvent(founded.creatorAppointed());
		return GroupView.of(founded.group());
	}

	@Transactional
	GroupView join(UUID memberId, UUID groupId) {
		Group group = locked(groupId);
		return saved(group, group.join(memberId, this.clock));
	}

	@Transactional
	GroupView leave(UUID memberId, UUID groupId) {
		Group group = locked(groupId);
		group.leave(memberId);
		return saved(group, Optional.empty());
	}

	/**
	 * A member who deletes their account leaves every group, in the deletion's
	 * transaction ({@link Group#depart}); the groups in id order, so that two deletions
	 * lock them in the same order.
	 */
	@EventListener
	void on(MemberDeleted event) {
		UUID member = event.memberId();
		this.memberships.findGroupIdsOfMember(member).stream().sorted().forEach((groupId) -> {
			Group group = locked(groupId);
			saved(group, group.depart(member, this.clock));
		});
	}

	@Transactional
	GroupView appointLeader(UUID callerId, boolean callerIsAdmin, UUID groupId, UUID memberId) {
		Group group = locked(groupId);
		boolean override = callerIsAdmin && !group.isLedBy(callerId);
		GroupView view = saved(group, group.appointLeader(callerId, callerIsAdmin, memberId));
		if (override) {
			this.adminActions.groupLeaderOverride(callerId, groupId, memberId, true);
		}
		return view;
	}

	@Transactional
	GroupView removeLeader(UUID callerId, boolean callerIsAdmin, UUID groupId, UUID memberId) {
		Group group = locked(groupId);
		boolean override = callerIsAdmin && !group.isLedBy(callerId);
		group.removeLeader(callerId, callerIsAdmin, memberId);
		GroupView view = saved(group, Optional.empty());
		if (override) {
			this.adminActions.groupLeaderOverride(callerId, groupId, memberId, false);
		}
		return view;
	}

	private Group locked(UUID groupId) {
		return this.groups.findByIdForUpdate(groupId).orElseThrow(() -> DomainException.notFound("Group"));
	}

	private GroupView saved(Group group, Optional<GroupLeaderAppointed> appointed) {
		this.groups.flush();
		appointed.ifPresent(this.events::publishEvent);
		return GroupView.of(group);
	}

	private static DomainException nameTaken() {
		return DomainException.refused("GROUP_NAME_TAKEN", "A group with this name exists already");
	}

}
