package at.alma.mentoring.group;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import at.alma.mentoring.platform.DomainException;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading groups: every signed-in member sees every group, its members and leaders. */
@Service
@Transactional(readOnly = true)
class GroupQueries {

	private final Groups groups;

	private final GroupMemberships memberships;

	GroupQueries(Groups groups, GroupMemberships memberships) {
		this.groups = groups;
		this.memberships = memberships;
	}

	GroupView group(UUID id) {
		return this.groups.findById(id).map(GroupView::of).orElseThrow(() -> DomainException.notFound("Group"));
	}

	/** By name; closed groups are not listed. */
	Window<GroupView> groups(Limit limit, ScrollPosition position) {
		Specification<Group> open = (root, query, cb) -> cb.isNull(root.get("closedAt"));
		return this.groups
			.findBy(open, (query) -> query.sortBy(Sort.by("nameKey", "id")).limit(limit.max()).scroll(position))
			.map(GroupView::of);
	}

	/** In the order they joined. */
	Window<GroupMemberView> members(UUID groupId, Limit limit, ScrollPosition position) {
		Specification<GroupMembership> ofGroup = (root, query, cb) -> cb.equal(root.get("group").get("id"), groupId);
		return this.memberships
			.findBy(ofGroup, (query) -> query.sortBy(Sort.by("joinNumber")).limit(limit.max()).scroll(position))
			.map((membership) -> new GroupMemberView(membership.getMemberId(), groupId, membership.isLeader(),
					membership.getJoinedAt()));
	}

	/** The leaders of many groups in one query, in the order they joined. */
	Map<UUID, List<GroupMemberView>> leaders(Collection<UUID> groupIds) {
		return this.memberships.leadersOf(groupIds).stream().collect(Collectors.groupingBy(GroupMemberView::groupId));
	}

	/** The member's place in each of these groups they belong to. */
	Map<UUID, GroupMemberView> membershipsOf(UUID memberId, Collection<UUID> groupIds) {
		return this.memberships.membershipsOf(memberId, groupIds)
			.stream()
			.collect(Collectors.toMap(GroupMemberView::groupId, Function.identity()));
	}

}
