package at.alma.mentoring.group;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import at.alma.mentoring.member.AdminActionLog;
import at.alma.mentoring.platform.DomainException;

import org.springframework.context.ApplicationEventPublisher;
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

	GroupManagement(Groups groups, ApplicationEventPublisher events, Clock clock, AdminActionLog adminActions) {
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
