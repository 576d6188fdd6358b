package at.alma.mentoring.group;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.DomainEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupApiTests extends ApiTest {

	private static final String GROUP_FIELDS = "id name description memberCount createdAt leaders { id displayName leader } myMembership { id leader joinedAt }";

	@Autowired
	DomainEvents events;

	@Test
	void creatorFoundsAndLeadsTheGroup() {
		Account anna = signUp("Anna", "Kern", "MENTOR");
		var created = create(anna, "Frauen in der Technik " + UUID.randomUUID(), "  Austausch und Mentoring  ");
		created.path("createGroup.group.memberCount").entity(Integer.class).isEqualTo(1);
		created.path("createGroup.group.description").entity(String.class).isEqualTo("Austausch und Mentoring");
		created.path("createGroup.group.leaders[*].displayName").entityList(String.class).containsExactly("Anna K.");
		created.path("createGroup.group.myMembership.leader").entity(Boolean.class).isEqualTo(true);
		UUID id = UUID.fromString(created.path("createGroup.group.id").entity(String.class).get());

		assertThat(appointments(id)).containsExactly(new GroupLeaderAppointed(id, anna.id()));
	}

	@Test
	void membersJoinAndLeave() {
		Account anna = signUp("Anna", "Lang", "MENTOR");
		Account ben = signUp("Ben", "Mayr", "MENTEE");
		Account cleo = signUp("Cleo", "Nagl", "MENTEE");
		UUID id = createOk(anna);
		act(ben, "joinGroup", id).path("joinGroup.group.myMembership.leader").entity(Boolean.class).isEqualTo(false);
		act(cleo, "joinGroup", id).path("joinGroup.group.memberCount").entity(Integer.class).isEqualTo(3);

		var members = as(ben).document(
				"""
						query($id: ID!) { group(id: $id) { memberCount
						  members(first: 2) { edges { node { id displayName leader } } pageInfo { hasNextPage endCursor } } } }""")
			.variable("id", id)
			.execute();
		members.path("group.members.edges[*].node.displayName")
			.entityList(String.class)
			.containsExactly("Anna L.", "Ben M.");
		members.path("group.members.edges[*].node.leader").entityList(Boolean.class).containsExactly(true, false);
		members.path("group.members.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String after = members.path("group.members.pageInfo.endCursor").entity(String.class).get();
		as(ben)
			.document("query($id: ID!, $after: String) { group(id: $id) { members(first: 2, after: $after) "
					+ "{ edges { node { id } } pageInfo { hasNextPage } } } }")
			.variable("id", id)
			.variable("after", after)
			.execute()
			.path("group.members.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(cleo.id().toString())
			.path("group.members.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);

		var left = act(ben, "leaveGroup", id);
		left.path("leaveGroup.group.memberCount").entity(Integer.class).isEqualTo(2);
		left.path("leaveGroup.group.myMembership").valueIsNull();
		expectCode(act(ben, "leaveGroup", id), "NOT_A_MEMBER");
		expectCode(act(cleo, "joinGroup", id), "ALREADY_MEMBER");
		expectCode(act(cleo, "joinGroup", UUID.randomUUID()), "NOT_FOUND");
		assertThat(memberRows(id)).isEqualTo(2);
	}

	@Test
	void lastLeaderStaysWhileOthersRemain() {
		Account anna = signUp("Anna", "Ortner", "MENTOR");
		Account ben = signUp("Ben", "Pichler", "MENTEE");
		Account cleo = signUp("Cleo", "Riegler", "MENTEE");
		UUID id = createOk(anna);
		act(ben, "joinGroup", id);

		expectCode(act(anna, "leaveGroup", id), "LAST_LEADER");
		assertThat(memberRows(id)).isEqualTo(2);

		leader(anna, "appointGroupLeader", id, ben).path("appointGroupLeader.group.leaders[*].id")
			.entityList(String.class)
			.containsExactly(anna.id().toString(), ben.id().toString());
		act(anna, "leaveGroup", id).path("leaveGroup.group.memberCount").entity(Integer.class).isEqualTo(1);
		// the only member may leave; whoever joins the empty group next leads it
		act(ben, "leaveGroup", id).path("leaveGroup.group.memberCount").entity(Integer.class).isEqualTo(0);
		act(cleo, "joinGroup", id).path("joinGroup.group.leaders[*].id")
			.entityList(String.class)
			.containsExactly(cleo.id().toString());
		assertThat(appointments(id)).containsExactlyInAnyOrder(new GroupLeaderAppointed(id, anna.id()),
				new GroupLeaderAppointed(id, ben.id()), new GroupLeaderAppointed(id, cleo.id()));
	}

	@Test
	void onlyLeadersAndAdminsAppointLeaders() {
		Account anna = signUp("Anna", "Schober", "MENTOR");
		Account ben = signUp("Ben", "Thaler", "MENTEE");
		Account cleo = signUp("Cleo", "Unger", "MENTEE");
		Account outsider = signUp("Dan", "Vogl", "MENTEE");
		UUID id = createOk(anna);
		act(ben, "joinGroup", id);
		act(cleo, "joinGroup", id);

		leader(ben, "appointGroupLeader", id, cleo).errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN
					&& "FORBIDDEN".equals(error.getExtensions().get("code")))
			.verify();
		expectCode(leader(anna, "appointGroupLeader", id, outsider), "NOT_A_MEMBER");
		expectCode(leader(anna, "appointGroupLeader", id, anna), "ALREADY_LEADER");
		assertThat(leaderRows(id)).isEqualTo(1);

		// an admin need not belong to the group; the override is an admin action
		Account admin = admin();
		leader(admin, "appointGroupLeader", id, ben).path("appointGroupLeader.group.leaders[*].id")
			.entityList(String.class)
			.containsExactly(anna.id().toString(), ben.id().toString());
		var action = as(admin)
			.document("{ adminActions(first: 1) { edges { node { adminId action memberId groupId } } } }")
			.execute();
		action.path("adminActions.edges[0].node.action").entity(String.class).isEqualTo("APPOINT_GROUP_LEADER");
		action.path("adminActions.edges[0].node.adminId").entity(String.class).isEqualTo(admin.id().toString());
		action.path("adminActions.edges[0].node.memberId").entity(String.class).isEqualTo(ben.id().toString());
		action.path("adminActions.edges[0].node.groupId").entity(String.class).isEqualTo(id.toString());
		// a new leader appoints, too
		leader(ben, "appointGroupLeader", id, cleo).path("appointGroupLeader.group.leaders")
			.entityList(Object.class)
			.hasSize(3);
	}

	@Test
	void removesLeadersButNeverTheLast() {
		Account anna = signUp("Anna", "Wagner", "MENTOR");
		Account ben = signUp("Ben", "Xandl", "MENTEE");
		Account cleo = signUp("Cleo", "Yb", "MENTEE");
		UUID id = createOk(anna);
		act(ben, "joinGroup", id);
		act(cleo, "joinGroup", id);

		expectCode(leader(anna, "removeGroupLeader", id, anna), "LAST_LEADER");
		expectCode(leader(anna, "removeGroupLeader", id, ben), "NOT_A_LEADER");
		leader(anna, "appointGroupLeader", id, ben);
		leader(cleo, "removeGroupLeader", id, ben).errors()
			.expect((error) -> "FORBIDDEN".equals(error.getExtensions().get("code")))
			.verify();
		// a leader may step down while another leads
		leader(anna, "removeGroupLeader", id, anna).path("removeGroupLeader.group.leaders[*].id")
			.entityList(String.class)
			.containsExactly(ben.id().toString());
		leader(admin(), "removeGroupLeader", id, ben).errors()
			.expect((error) -> "LAST_LEADER".equals(error.getExtensions().get("code")))
			.verify();
		assertThat(leaderRows(id)).isEqualTo(1);
	}

	@Test
	void announcesEachLeaderOncePerGroup() {
		Account anna = signUp("Anna", "Zeller", "MENTOR");
		Account ben = signUp("Ben", "Auer", "MENTEE");
		UUID id = createOk(anna);
		act(ben, "joinGroup", id);
		leader(anna, "appointGroupLeader", id, ben);
		leader(anna, "removeGroupLeader", id, ben);
		leader(anna, "appointGroupLeader", id, ben).path("appointGroupLeader.group.leaders")
			.entityList(Object.class)
			.hasSize(2);

		assertThat(appointments(id)).containsExactly(new GroupLeaderAppointed(id, anna.id()),
				new GroupLeaderAppointed(id, ben.id()));
		assertThatThrownBy(
				() -> this.jdbc.update("insert into group_leader_appointments (group_id, member_id) values (?, ?)",
						id.toString(), ben.id().toString()))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void refusesInvalidInputAndStoresNothing() {
		Account anna = signUp("Anna", "Bauer", "MENTOR");
		String name = "Gründerinnen " + UUID.randomUUID();
		createOk(anna, name);
		long[] before = footprint();

		expectInvalid(create(anna, "  ", null), "input.name");
		expectInvalid(create(anna, "n".repeat(101), null), "input.name");
		expectInvalid(create(anna, "Gültig " + UUID.randomUUID(), "d".repeat(2001)), "input.description");
		expectCode(create(anna, "  " + name.toUpperCase() + " ", null), "GROUP_NAME_TAKEN");
		expectCode(leader(anna, "appointGroupLeader", UUID.randomUUID(), anna), "NOT_FOUND");
		expectCode(as(anna).document("query($id: ID!) { group(id: $id) { id } }")
			.variable("id", UUID.randomUUID())
			.execute(), "NOT_FOUND");
		expectInvalid(as(anna).document("{ groups(first: 0) { edges { node { id } } } }").execute(), "first");
		assertThat(footprint()).containsExactly(before);
	}

	@Test
	void anonymousCallersAreRefused() {
		Account anna = signUp("Anna", "Czerny", "MENTOR");
		UUID id = createOk(anna);
		long[] before = footprint();
		for (var document : List.of("{ groups { edges { node { id } } } }", "{ group(id: \"" + id + "\") { id } }",
				"mutation { createGroup(input: {name: \"Anonym " + UUID.randomUUID() + "\"}) { group { id } } }",
				"mutation { joinGroup(input: {groupId: \"" + id + "\"}) { group { id } } }",
				"mutation { leaveGroup(input: {groupId: \"" + id + "\"}) { group { id } } }",
				"mutation { appointGroupLeader(input: {groupId: \"" + id + "\", memberId: \"" + anna.id()
						+ "\"}) { group { id } } }",
				"mutation { removeGroupLeader(input: {groupId: \"" + id + "\", memberId: \"" + anna.id()
						+ "\"}) { group { id } } }")) {
			anonymous().document(document)
				.execute()
				.errors()
				.expect((error) -> error.getErrorType() == ErrorType.UNAUTHORIZED
						&& "UNAUTHORIZED".equals(error.getExtensions().get("code")))
				.verify();
		}
		assertThat(footprint()).containsExactly(before);
	}

	@Test
	void listsGroupsInPagesWithTheirLeaders() {
		Account anna = signUp("Anna", "Doppler", "MENTOR");
		createOk(anna);
		createOk(anna);
		var first = as(anna).document(
				"{ groups(first: 1) { edges { node { id leaders { displayName } } } pageInfo { hasNextPage endCursor } } }")
			.execute();
		first.path("groups.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String firstId = first.path("groups.edges[0].node.id").entity(String.class).get();
		String after = first.path("groups.pageInfo.endCursor").entity(String.class).get();
		as(anna).document("query($after: String) { groups(first: 1, after: $after) { edges { node { id } } } }")
			.variable("after", after)
			.execute()
			.path("groups.edges[0].node.id")
			.entity(String.class)
			.satisfies((id) -> assertThat(id).isNotEqualTo(firstId));
	}

	private GraphQlTester.Response create(Account creator, String name, String description) {
		Map<String, Object> input = new HashMap<>();
		input.put("name", name);
		input.put("description", description);
		return as(creator)
			.document("mutation($input: CreateGroupInput!) { createGroup(input: $input) { group { " + GROUP_FIELDS
					+ " } } }")
			.variable("input", input)
			.execute();
	}

	private UUID createOk(Account creator) {
		return createOk(creator, "Gruppe " + UUID.randomUUID());
	}

	private UUID createOk(Account creator, String name) {
		return UUID.fromString(create(creator, name, null).path("createGroup.group.id").entity(String.class).get());
	}

	private GraphQlTester.Response act(Account member, String mutation, UUID groupId) {
		return as(member)
			.document(
					"mutation($id: ID!) { " + mutation + "(input: {groupId: $id}) { group { " + GROUP_FIELDS + " } } }")
			.variable("id", groupId)
			.execute();
	}

	private GraphQlTester.Response leader(Account caller, String mutation, UUID groupId, Account member) {
		return as(caller)
			.document("mutation($g: ID!, $m: ID!) { " + mutation + "(input: {groupId: $g, memberId: $m}) { group { "
					+ GROUP_FIELDS + " } } }")
			.variable("g", groupId)
			.variable("m", member.id())
			.execute();
	}

	private List<GroupLeaderAppointed> appointments(UUID groupId) {
		return this.events.of(GroupLeaderAppointed.class).filter((e) -> e.groupId().equals(groupId)).toList();
	}

	private long memberRows(UUID groupId) {
		return this.jdbc.queryForObject("select count(*) from group_memberships where group_id = ?", Long.class,
				groupId.toString());
	}

	private long leaderRows(UUID groupId) {
		return this.jdbc.queryForObject("select count(*) from group_memberships where group_id = ? and leader = true",
				Long.class, groupId.toString());
	}

	private long[] footprint() {
		return new long[] { count("member_groups"), count("group_memberships"), count("group_leader_appointments") };
	}

}
