package at.alma.mentoring.group;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.member.Participant;
import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.Paging;
import at.alma.mentoring.platform.SingleLine;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class GroupController {

	private final GroupManagement management;

	private final GroupQueries queries;

	private final MemberDirectory members;

	private final CurrentMember currentMember;

	GroupController(GroupManagement management, GroupQueries queries, MemberDirectory members,
			CurrentMember currentMember) {
		this.management = management;
		this.queries = queries;
		this.members = members;
		this.currentMember = currentMember;
	}

	@QueryMapping
	Window<GroupView> groups(ScrollSubrange subrange) {
		this.currentMember.id();
		return this.queries.groups(Paging.limit(subrange), Paging.position(subrange));
	}

	@QueryMapping
	GroupView group(@Argument UUID id) {
		this.currentMember.id();
		return this.queries.group(id);
	}

	@MutationMapping
	GroupPayload createGroup(@Argument @Valid CreateGroupInput input) {
		UUID caller = this.currentMember.id();
		return new GroupPayload(this.management.create(caller, input.name(), input.description()));
	}

	@MutationMapping
	GroupPayload joinGroup(@Argument GroupRefInput input) {
		return new GroupPayload(this.management.join(this.currentMember.id(), input.groupId()));
	}

	@MutationMapping
	GroupPayload leaveGroup(@Argument GroupRefInput input) {
		return new GroupPayload(this.management.leave(this.currentMember.id(), input.groupId()));
	}

	@MutationMapping
	GroupPayload appointGroupLeader(@Argument GroupLeaderInput input) {
		UUID caller = this.currentMember.id();
		return new GroupPayload(
				this.management.appointLeader(caller, this.currentMember.isAdmin(), input.groupId(), input.memberId()));
	}

	@MutationMapping
	GroupPayload removeGroupLeader(@Argument GroupLeaderInput input) {
		UUID caller = this.currentMember.id();
		return new GroupPayload(
				this.management.removeLeader(caller, this.currentMember.isAdmin(), input.groupId(), input.memberId()));
	}

	@SchemaMapping(typeName = "Group", field = "members")
	Window<GroupMemberView> members(GroupView group, ScrollSubrange subrange) {
		return this.queries.members(group.id(), Paging.limit(subrange), Paging.position(subrange));
	}

	@BatchMapping(typeName = "Group", field = "leaders")
	Map<GroupView, List<GroupMemberView>> leaders(List<GroupView> groups) {
		Map<UUID, List<GroupMemberView>> leaders = this.queries
			.leaders(groups.stream().map(GroupView::id).collect(Collectors.toSet()));
		return groups.stream()
			.collect(Collectors.toMap(Function.identity(), (group) -> leaders.getOrDefault(group.id(), List.of()),
					(a, b) -> a));
	}

	@BatchMapping(typeName = "Group", field = "myMembership")
	Map<GroupView, GroupMemberView> myMembership(List<GroupView> groups) {
		Map<UUID, GroupMemberView> mine = this.queries.membershipsOf(this.currentMember.id(),
				groups.stream().map(GroupView::id).collect(Collectors.toSet()));
		return groups.stream()
			.filter((group) -> mine.containsKey(group.id()))
			.collect(Collectors.toMap(Function.identity(), (group) -> mine.get(group.id()), (a, b) -> a));
	}

	/**
	 * Members as every member may see them: the display name ("Anna K."), nothing else.
	 */
	@BatchMapping(typeName = "GroupMember", field = "displayName")
	Map<GroupMemberView, String> displayName(List<GroupMemberView> groupMembers) {
		Map<UUID, Participant> participants = this.members
			.participants(groupMembers.stream().map(GroupMemberView::id).collect(Collectors.toSet()));
		return groupMembers.stream()
			.filter((member) -> participants.containsKey(member.id()))
			.collect(Collectors.toMap(Function.identity(), (member) -> participants.get(member.id()).displayName(),
					(a, b) -> a));
	}

	record CreateGroupInput(@SingleLine String name, String description) {
	}

	record GroupRefInput(UUID groupId) {
	}

	record GroupLeaderInput(UUID groupId, UUID memberId) {
	}

	record GroupPayload(GroupView group) {
	}

}
