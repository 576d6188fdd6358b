package at.alma.mentoring.security;

import java.net.URI;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query, mutation and subscription of the schema, read from the schema itself, is
 * either on the reviewed list of operations a member may call on their own data or on
 * what every member may see, or is called here with valid arguments by a member outside
 * the mentorship who is no admin (FORBIDDEN or NOT_FOUND) — and every operation but the
 * public ones is called anonymously (UNAUTHORIZED). No refused call changes a row of the
 * app's tables or of the engine's runtime tables. A new operation fails
 * {@link #everyOperationIsCovered} until it gets a case in {@link #CASES}.
 */
class AuthorizationWalkTests extends GraphQlCalls {

	/** Who may call an operation. */
	enum Access {

		/** Anyone, without a token (DESIGN, "API contract"). */
		PUBLIC,
		/**
		 * Any signed-in member: their own data, or what every member may see (directory,
		 * wiki, groups, public profiles).
		 */
		MEMBER,
		/**
		 * Only the participants of the mentorship (or leaders of the group) concerned.
		 */
		PARTICIPANT,
		/** Only admins (the platform team); a member is refused. */
		ADMIN

	}

	record Call(String document, Map<String, Object> variables) {
	}

	record Case(Access access, Function<Fixture, Call> call, Set<String> anonymousCodes) {

		static Case of(Access access, String document, Function<Fixture, Map<String, Object>> variables) {
			return new Case(access, (fixture) -> new Call(document, variables.apply(fixture)), Set.of("UNAUTHORIZED"));
		}

		Case anonymouslyAnswering(String... codes) {
			return new Case(this.access, this.call, Set.of(codes));
		}

	}

	/**
	 * The data the calls point at: a mentorship of two members the caller is not part of.
	 */
	record Fixture(Account mentee, Account mentor, Account outsider, UUID mentorshipId, UUID meetingId, UUID groupId,
			UUID articleId) {
	}

	static final Set<String> REFUSED = Set.of("FORBIDDEN", "NOT_FOUND");

	static final Map<String, Case> CASES = new TreeMap<>();

	static {
		Function<Fixture, Map<String, Object>> none = (f) -> Map.of();
		Function<Fixture, Map<String, Object>> mentorship = (f) -> Map.of("id", f.mentorshipId());
		Function<Fixture, Map<String, Object>> meeting = (f) -> Map.of("id", f.meetingId());
		Function<Fixture, Map<String, Object>> group = (f) -> Map.of("g", f.groupId());
		Function<Fixture, Map<String, Object>> leader = (f) -> Map.of("g", f.groupId(), "m", f.mentee().id());
		Function<Fixture, Map<String, Object>> article = (f) -> Map.of("id", f.articleId());
		// --- public
		CASES.put("Mutation.signUp", Case.of(Access.PUBLIC, "", none));
		CASES.put("Mutation.signIn", Case.of(Access.PUBLIC, "", none));
		CASES.put("Query.verifyCertificate", Case.of(Access.PUBLIC, "", none));
		CASES.put("Mutation.requestPasswordReset", Case.of(Access.PUBLIC, "", none));
		CASES.put("Mutation.resetPassword", Case.of(Access.PUBLIC, "", none));
		CASES.put("Mutation.verifyEmail", Case.of(Access.PUBLIC, "", none));
		CASES.put("Mutation.submitFeedback",
				Case.of(Access.PARTICIPANT,
						"""
								mutation($id: ID!) { submitFeedback(input: {token: "forged.token", requestId: $id, rating: 5, text: "x"})
								{ __typename } }""",
						(f) -> Map.of("id", UUID.randomUUID()))
					.anonymouslyAnswering("NOT_FOUND"));
		// --- any member: own data, or what every member sees
		CASES.put("Query.me", Case.of(Access.MEMBER, "{ me { id } }", none));
		CASES.put("Mutation.changePassword", Case.of(Access.MEMBER,
				"mutation { changePassword(input: {currentPassword: \"wrong\", newPassword: \"another horse battery\"}) { token } }",
				none));
		CASES.put("Mutation.requestEmailVerification",
				Case.of(Access.MEMBER, "mutation { requestEmailVerification { requested } }", none));
		CASES.put("Mutation.changeEmail", Case.of(Access.MEMBER,
				"mutation { changeEmail(input: {newEmail: \"walk@alma.test\", password: \"wrong\"}) { __typename } }",
				none));
		// a wrong password: the walk's member stays
		CASES.put("Mutation.deleteMyAccount",
				Case.of(Access.MEMBER, "mutation { deleteMyAccount(input: {password: \"wrong\"}) { deleted } }", none));
		CASES.put("Query.member", Case.of(Access.MEMBER, "query($id: ID!) { member(id: $id) { id } }",
				(f) -> Map.of("id", f.mentee().id())));
		CASES.put("Query.mentors", Case.of(Access.MEMBER, "{ mentors { edges { cursor } } }", none));
		CASES.put("Query.recommendedMentors",
				Case.of(Access.MEMBER, "{ recommendedMentors { mentor { id } score } }", none));
		CASES.put("Query.myMentorships", Case.of(Access.MEMBER, "{ myMentorships { edges { cursor } } }", none));
		CASES.put("Query.myMeetings", Case.of(Access.MEMBER,
				"{ myMeetings(from: \"2027-01-01T00:00:00Z\", to: \"2027-06-01T00:00:00Z\") { id } }", none));
		CASES.put("Query.myTasks", Case.of(Access.MEMBER, "{ myTasks { edges { cursor } } }", none));
		CASES.put("Query.articles", Case.of(Access.MEMBER, "{ articles { edges { cursor } } }", none));
		CASES.put("Query.article", Case.of(Access.MEMBER, "query($id: ID!) { article(id: $id) { id } }", article));
		CASES.put("Query.groups", Case.of(Access.MEMBER, "{ groups { edges { cursor } } }", none));
		CASES.put("Query.group", Case.of(Access.MEMBER, "query($g: ID!) { group(id: $g) { id } }", group));
		CASES.put("Mutation.updateProfile",
				Case.of(Access.MEMBER, "mutation { updateProfile(input: {bio: \"hi\"}) { __typename } }", none));
		CASES.put("Mutation.setDeclineTemplate", Case.of(Access.MEMBER,
				"mutation { setDeclineTemplate(input: {text: \"No, thanks\"}) { __typename } }", none));
		CASES.put("Mutation.requestMentorship",
				Case.of(Access.MEMBER,
						"mutation($id: ID!) { requestMentorship(input: {mentorId: $id}) { __typename } }",
						(f) -> Map.of("id", f.mentor().id())));
		CASES.put("Mutation.rotateCalendarFeed",
				Case.of(Access.MEMBER, "mutation { rotateCalendarFeed { __typename } }", none));
		CASES.put("Mutation.createArticle", Case.of(Access.MEMBER,
				"mutation { createArticle(input: {title: \"T\", body: \"B\"}) { __typename } }", none));
		CASES.put("Mutation.reviseArticle", Case.of(Access.MEMBER,
				"mutation($id: ID!) { reviseArticle(input: {articleId: $id, title: \"T\", body: \"B2\"}) { __typename } }",
				article));
		CASES.put("Mutation.rateArticle", Case.of(Access.MEMBER,
				"mutation($id: ID!) { rateArticle(input: {articleId: $id, stars: 4}) { __typename } }", article));
		CASES.put("Mutation.createGroup",
				Case.of(Access.MEMBER, "mutation { createGroup(input: {name: \"Walkers\"}) { __typename } }", none));
		CASES.put("Mutation.joinGroup",
				Case.of(Access.MEMBER, "mutation($g: ID!) { joinGroup(input: {groupId: $g}) { __typename } }", group));
		CASES.put("Mutation.leaveGroup",
				Case.of(Access.MEMBER, "mutation($g: ID!) { leaveGroup(input: {groupId: $g}) { __typename } }", group));
		// --- participants only
		CASES.put("Query.mentorship",
				Case.of(Access.PARTICIPANT, "query($id: ID!) { mentorship(id: $id) { id } }", mentorship));
		CASES.put("Query.meeting", Case.of(Access.PARTICIPANT, "query($id: ID!) { meeting(id: $id) { id } }", meeting));
		for (String name : List.of("withdrawMentorshipRequest", "acceptMentorshipRequest", "submitAgreement")) {
			CASES.put("Mutation." + name, Case.of(Access.PARTICIPANT,
					"mutation($id: ID!) { " + name + "(input: {mentorshipId: $id}) { __typename } }", mentorship));
		}
		for (String name : List.of("proposeClosure", "confirmClosure")) {
			CASES.put("Mutation." + name, Case.of(Access.PARTICIPANT,
					"mutation($id: ID!) { " + name + "(input: {mentorshipId: $id}) { __typename } }", mentorship));
		}
		CASES.put("Mutation.declineClosure", Case.of(Access.PARTICIPANT,
				"mutation($id: ID!) { declineClosure(input: {mentorshipId: $id, message: \"no\"}) { __typename } }",
				mentorship));
		CASES.put("Mutation.terminateMentorship", Case.of(Access.PARTICIPANT,
				"mutation($id: ID!) { terminateMentorship(input: {mentorshipId: $id, reason: \"bye\"}) { __typename } }",
				mentorship));
		CASES.put("Mutation.declineMentorshipRequest", Case.of(Access.PARTICIPANT,
				"mutation($id: ID!) { declineMentorshipRequest(input: {mentorshipId: $id, message: \"no\"}) { __typename } }",
				mentorship));
		CASES.put("Mutation.saveAgreement", Case.of(Access.PARTICIPANT, """
				mutation($id: ID!) { saveAgreement(input: {mentorshipId: $id, periodStart: "2027-01-01",
				periodEnd: "2027-06-30", meetingCount: 3, contactKinds: [VIDEO], contactFrequency: "monthly"})
				{ __typename } }""", mentorship));
		for (String name : List.of("approveAgreement", "requestAgreementChanges")) {
			CASES.put("Mutation." + name,
					Case.of(Access.PARTICIPANT, "mutation($id: ID!) { " + name
							+ "(input: {mentorshipId: $id, version: 1, comment: \"more detail\"}) { __typename } }",
							mentorship));
		}
		CASES.put("Mutation.proposeMeeting", Case.of(Access.PARTICIPANT, """
				mutation($id: ID!) { proposeMeeting(input: {mentorshipId: $id, slots: [{start: "2027-03-01T10:00:00Z",
				durationMinutes: 60, kind: VIDEO, link: "https://meet.example.org/x"}]}) { __typename } }""",
				mentorship));
		CASES.put("Mutation.scheduleMeeting", Case.of(Access.PARTICIPANT,
				"mutation($id: ID!) { scheduleMeeting(input: {meetingId: $id, slot: 0}) { __typename } }", meeting));
		CASES.put("Mutation.declineMeeting", Case.of(Access.PARTICIPANT,
				"mutation($id: ID!) { declineMeeting(input: {meetingId: $id, message: \"no\"}) { __typename } }",
				meeting));
		CASES.put("Mutation.rescheduleMeeting", Case.of(Access.PARTICIPANT, """
				mutation($id: ID!) { rescheduleMeeting(input: {meetingId: $id, slots: [{start: "2027-03-02T10:00:00Z",
				durationMinutes: 60, kind: VIDEO, link: "https://meet.example.org/x"}]}) { __typename } }""", meeting));
		CASES.put("Mutation.cancelMeeting",
				Case.of(Access.PARTICIPANT,
						"mutation($id: ID!) { cancelMeeting(input: {meetingId: $id, reason: \"ill\"}) { __typename } }",
						meeting));
		CASES.put("Mutation.confirmMeetingHeld", Case.of(Access.PARTICIPANT,
				"mutation($id: ID!) { confirmMeetingHeld(input: {meetingId: $id}) { __typename } }", meeting));
		CASES.put("Mutation.reportMeetingNotHeld", Case.of(Access.PARTICIPANT,
				"mutation($id: ID!) { reportMeetingNotHeld(input: {meetingId: $id, reason: \"no\"}) { __typename } }",
				meeting));
		CASES.put("Mutation.resolveMeetingDispute", Case.of(Access.ADMIN,
				"mutation($id: ID!) { resolveMeetingDispute(input: {meetingId: $id, outcome: HELD, reason: \"x\"}) { __typename } }",
				meeting));
		CASES.put("Query.disputedMeetings",
				Case.of(Access.ADMIN, "{ disputedMeetings { edges { node { notHeldReason } } } }", none));
		CASES.put("Mutation.sendMessage",
				Case.of(Access.PARTICIPANT,
						"mutation($id: ID!) { sendMessage(input: {mentorshipId: $id, text: \"hi\"}) { __typename } }",
						mentorship));
		CASES.put("Mutation.markConversationRead", Case.of(Access.PARTICIPANT,
				"mutation($id: ID!) { markConversationRead(input: {mentorshipId: $id}) { __typename } }", mentorship));
		for (String name : List.of("appointGroupLeader", "removeGroupLeader")) {
			CASES.put("Mutation." + name, Case.of(Access.PARTICIPANT,
					"mutation($g: ID!, $m: ID!) { " + name + "(input: {groupId: $g, memberId: $m}) { __typename } }",
					leader));
		}
		// --- admins only
		CASES.put("Query.feedbackRequests",
				Case.of(Access.ADMIN, "{ feedbackRequests { edges { node { answer } } } }", none));
		CASES.put("Mutation.suspendMember",
				Case.of(Access.ADMIN,
						"mutation($id: ID!) { suspendMember(input: {memberId: $id, reason: \"walk\"}) { __typename } }",
						(f) -> Map.of("id", f.mentor().id())));
		CASES.put("Mutation.reactivateMember",
				Case.of(Access.ADMIN, "mutation($id: ID!) { reactivateMember(input: {memberId: $id}) { __typename } }",
						(f) -> Map.of("id", f.mentor().id())));
		CASES.put("Query.members",
				Case.of(Access.ADMIN, "{ members(search: \"walk\") { edges { node { email } } } }", none));
		CASES.put("Query.adminActions", Case.of(Access.ADMIN, "{ adminActions { edges { node { reason } } } }", none));
		CASES.put("Query.programStatistics", Case.of(Access.ADMIN,
				"{ programStatistics(from: \"2020-01-01\", to: \"2020-12-31\") { funnel { count } } }", none));
		CASES.put("Query.programSeries",
				Case.of(Access.ADMIN, "{ programSeries(from: \"2020-01-01\", to: \"2020-12-31\") { month } }", none));
		CASES.put("Query.stalledMentorships",
				Case.of(Access.ADMIN, "{ stalledMentorships(olderThan: \"P7D\") { edges { node { step } } } }", none));
		CASES.put("Subscription.messageAdded", Case.of(Access.PARTICIPANT,
				"subscription($id: ID!) { messageAdded(mentorshipId: $id) { id } }", mentorship));
	}

	@Autowired
	GraphQlSource graphQlSource;

	private Fixture fixture;

	@BeforeEach
	void mentorshipOfTwoOthers() {
		Account mentee = signUp("Walk", "Mentee", "MENTEE");
		Account mentor = signUp("Walk", "Mentor", "MENTOR");
		Account outsider = signUp("Walk", "Outsider", "MENTEE", "MENTOR");
		UUID mentorshipId = UUID.fromString(at(call(mentee.token(),
				"mutation($id: ID!) { requestMentorship(input: {mentorId: $id}) { mentorship { id } } }",
				Map.of("id", mentor.id())), "requestMentorship.mentorship.id"));
		ok(call(mentor.token(),
				"mutation($id: ID!) { acceptMentorshipRequest(input: {mentorshipId: $id}) { __typename } }",
				Map.of("id", mentorshipId)));
		runJobs(mentorshipId);
		ok(call(mentee.token(),
				CASES.get("Mutation.saveAgreement")
					.call()
					.apply(new Fixture(mentee, mentor, outsider, mentorshipId, null, null, null))
					.document(),
				Map.of("id", mentorshipId)));
		ok(call(mentee.token(), "mutation($id: ID!) { submitAgreement(input: {mentorshipId: $id}) { __typename } }",
				Map.of("id", mentorshipId)));
		UUID meetingId = UUID.fromString(at(call(mentee.token(), """
				mutation($id: ID!) { proposeMeeting(input: {mentorshipId: $id, slots: [{start: "2027-03-01T10:00:00Z",
				durationMinutes: 60, kind: VIDEO, link: "https://meet.example.org/x"}]}) { meeting { id } } }""",
				Map.of("id", mentorshipId)), "proposeMeeting.meeting.id"));
		ok(call(mentee.token(),
				"mutation($id: ID!) { sendMessage(input: {mentorshipId: $id, text: \"hi\"}) { __typename } }",
				Map.of("id", mentorshipId)));
		UUID groupId = UUID.fromString(
				at(call(mentee.token(), "mutation($n: String!) { createGroup(input: {name: $n}) { group { id } } }",
						Map.of("n", "Walk " + UUID.randomUUID())), "createGroup.group.id"));
		UUID articleId = UUID.fromString(at(call(mentee.token(),
				"mutation { createArticle(input: {title: \"Walk\", body: \"Body\"}) { article { id } } }", Map.of()),
				"createArticle.article.id"));
		runJobs(mentorshipId);
		this.fixture = new Fixture(mentee, mentor, outsider, mentorshipId, meetingId, groupId, articleId);
	}

	@Test
	void everyOperationIsCovered() {
		Set<String> missing = new TreeSet<>(operations());
		missing.removeAll(CASES.keySet());
		Set<String> gone = new TreeSet<>(CASES.keySet());
		gone.removeAll(operations());
		assertThat(missing).as("operations of the schema without a case in AuthorizationWalkTests.CASES").isEmpty();
		assertThat(gone).as("cases for operations the schema no longer has").isEmpty();
	}

	@Test
	void aMemberOutsideTheMentorshipIsRefusedEverythingButTheAllowList() {
		List<String> failures = new ArrayList<>();
		for (String operation : operations()) {
			Case c = CASES.get(operation);
			if (c == null || (c.access() != Access.PARTICIPANT && c.access() != Access.ADMIN)) {
				continue;
			}
			expectRefused(operation, this.fixture.outsider().token(), c.call().apply(this.fixture), REFUSED, failures);
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void anonymousCallersReachOnlyThePublicOperations() {
		List<String> failures = new ArrayList<>();
		for (String operation : operations()) {
			Case c = CASES.get(operation);
			if (c == null || c.access() == Access.PUBLIC) {
				continue;
			}
			expectRefused(operation, null, c.call().apply(this.fixture), c.anonymousCodes(), failures);
		}
		assertThat(failures).isEmpty();
	}

	private void expectRefused(String operation, String token, Call call, Set<String> codes, List<String> failures) {
		Map<String, Long> before = footprint();
		Object response;
		List<String> got;
		if (operation.startsWith("Subscription.")) {
			got = subscribe(token, call);
			response = got;
		}
		else {
			Map<String, Object> result = call(token, call.document(), call.variables());
			got = codes(result);
			response = result;
		}
		if (got.isEmpty() || !codes.containsAll(got)) {
			failures.add(operation + ": expected " + codes + " but got " + response);
		}
		Map<String, Long> after = footprint();
		if (!before.equals(after)) {
			failures.add(operation + ": rows changed " + difference(before, after));
		}
	}

	/**
	 * The error codes a subscription over the WebSocket ends with; a connection without a
	 * token is closed with 4401 (UNAUTHORIZED), before any operation.
	 */
	private List<String> subscribe(String token, Call call) {
		var builder = WebSocketGraphQlClient.builder(URI.create("ws://localhost:" + this.port + "/graphql-ws"),
				new ReactorNettyWebSocketClient());
		if (token != null) {
			builder.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			});
		}
		WebSocketGraphQlClient client = builder.build();
		try {
			Throwable error = client.document(call.document())
				.variables(call.variables())
				.executeSubscription()
				.take(1)
				.then(Mono.<Throwable>empty())
				.onErrorResume(Mono::just)
				.block(Duration.ofSeconds(20));
			if (error instanceof SubscriptionErrorException refused) {
				return refused.getErrors().stream().map((e) -> String.valueOf(e.getExtensions().get("code"))).toList();
			}
			if (error != null && String.valueOf(error).contains("4401")) {
				return List.of("UNAUTHORIZED");
			}
			return List.of("no refusal: " + error);
		}
		finally {
			client.stop().onErrorResume((ex) -> Mono.empty()).block(Duration.ofSeconds(20));
		}
	}

	private Set<String> operations() {
		GraphQLSchema schema = this.graphQlSource.schema();
		Set<String> names = new TreeSet<>();
		for (GraphQLObjectType root : new GraphQLObjectType[] { schema.getQueryType(), schema.getMutationType(),
				schema.getSubscriptionType() }) {
			if (root != null) {
				for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
					names.add(root.getName() + "." + field.getName());
				}
			}
		}
		return names;
	}

	/** Row counts of the app's tables and of the engine's runtime tables. */
	private Map<String, Long> footprint() {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : tables()) {
			counts.put(table, count(table));
		}
		return counts;
	}

	private List<String> tables() {
		return this.jdbc.execute((java.sql.Connection connection) -> {
			List<String> names = new ArrayList<>();
			try (ResultSet rs = connection.getMetaData()
				.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					String name = rs.getString("TABLE_NAME");
					String upper = name.toUpperCase(java.util.Locale.ROOT);
					if (!upper.equals("FLYWAY_SCHEMA_HISTORY")
							&& (!upper.startsWith("ACT_") || upper.startsWith("ACT_RU_"))) {
						names.add(name);
					}
				}
			}
			return names;
		});
	}

	private static Map<String, String> difference(Map<String, Long> before, Map<String, Long> after) {
		Map<String, String> changed = new LinkedHashMap<>();
		after.forEach((table, count) -> {
			if (!count.equals(before.get(table))) {
				changed.put(table, before.get(table) + " -> " + count);
			}
		});
		return changed;
	}

	private static void ok(Map<String, Object> response) {
		assertThat(errors(response)).as("errors of a setup step").isEmpty();
	}

}
