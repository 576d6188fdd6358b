package at.alma.mentoring;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: every list query costs the same number of SQL statements (all of them, the
 * engine's included) for one item as for fifty. Rows the API is not under test for are
 * seeded with SQL; the query under test runs through the API.
 */
class SqlCountTests extends ApiTest {

	private static final LocalDateTime AT = LocalDateTime.of(2027, 2, 1, 9, 0);

	@Autowired
	SqlStatements statements;

	@Test
	void myAchievementsCostTheSameForOneAndFifty() {
		String query = """
				{ me { achievements {
				    totals { kind count }
				    items(first: 50) { edges { node { id kind achievedAt role source { type id } partner { id displayName } } } }
				} } }""";
		assertSameCost(query, Map.of(), "me.achievements.items.edges", (owner, n) -> {
			for (int i = 0; i < n; i++) {
				this.jdbc.update(
						"insert into achievements (id, member_id, kind, source_type, source_id, member_role, partner_id, achieved_at)"
								+ " values (?, ?, 'MEETING_HELD', 'MEETING', ?, 'MENTOR', ?, ?)",
						UUID.randomUUID().toString(), owner.id().toString(), UUID.randomUUID().toString(),
						member("Partner" + i).toString(), AT.plusMinutes(i));
			}
		});
	}

	@Test
	void articlesWithTheirAuthorsCostTheSameForOneAndFifty() {
		String topic = "count-" + UUID.randomUUID();
		Map<Integer, String> topics = new HashMap<>();
		String query = """
				query($t: String) { articles(topic: $t, first: 50) { edges { node {
				    id title author { id displayName } averageRating ratingCount myRating
				} } } }""";
		for (int n : new int[] { 1, 50 }) {
			topics.put(n, topic + "-" + n);
			for (int i = 0; i < n; i++) {
				seedArticle(member("Autor" + i), topics.get(n));
			}
		}
		Account reader = signUp("Lisa", "Leserin", "MENTEE");
		long one = cost(reader, query, Map.of("t", topics.get(1)), "articles.edges", 1);
		long fifty = cost(reader, query, Map.of("t", topics.get(50)), "articles.edges", 50);
		assertThat(fifty).isEqualTo(one);
	}

	@Test
	void myMentorshipsWithBothSidesAndMeetingsCostTheSameForOneAndFifty() {
		String query = """
				{ myMentorships(first: 50) { edges { node {
				    id status myRole mentor { id displayName topics } mentee { id displayName languages }
				    meetings { id status slots { startsAt } scheduled { startsAt } }
				} } } }""";
		assertSameCost(query, Map.of(), "myMentorships.edges", (mentor, n) -> {
			for (int i = 0; i < n; i++) {
				UUID mentorship = seedMentorship(member("Mentee" + i), mentor.id(), "ACTIVE");
				seedMeeting(mentorship, mentor.id());
			}
		});
	}

	@Test
	void mentorsAndMenteesOfAPageComeFromOneMemberQuery() {
		Account mentor = signUp("Beide", "Seiten", "MENTOR", "MENTEE");
		for (int i = 0; i < 3; i++) {
			seedMentorship(member("Seite" + i), mentor.id(), "ACTIVE");
		}
		seedMentorship(mentor.id(), member("Andere"), "ACTIVE");
		String query = "{ myMentorships(first: 10) { edges { node { mentor { id } mentee { id } } } } }";
		run(mentor, query, Map.of(), (response) -> {
		});
		List<String> sql = this.statements.during(() -> run(mentor, query, Map.of(),
				(response) -> response.path("myMentorships.edges").entityList(Object.class).hasSize(4)));
		assertThat(sql).filteredOn((statement) -> statement.matches("(?is)select .* from members \\w+ where .*"))
			.as("member look-ups for both sides of four mentorships")
			.hasSize(1);
	}

	@Test
	void myTasksWithTheirMentorshipsCostTheSameForOneAndFifty() {
		String query = """
				{ myTasks(first: 50) { edges { node {
				    id kind name since due mentorship { id status mentee { id displayName } }
				} } } }""";
		assertSameCost(query, Map.of(), "myTasks.edges", (mentor, n) -> {
			for (int i = 0; i < n; i++) {
				UUID mentee = member("Fragende" + i);
				UUID mentorship = seedMentorship(mentee, mentor.id(), "REQUESTED");
				Map<String, Object> variables = new HashMap<>();
				variables.put("mentorshipId", mentorship.toString());
				variables.put("menteeId", mentee.toString());
				variables.put("mentorId", mentor.id().toString());
				variables.put("requestReminderAfter", "P3D");
				variables.put("requestExpiresAt", Date.from(this.clock.instant().plusSeconds(14 * 86400)));
				String instance = this.runtimeService
					.startProcessInstanceByKey("mentorship-lifecycle", mentorship.toString(), variables)
					.getId();
				this.jdbc.update("update mentorships set process_instance_id = ? where id = ?", instance,
						mentorship.toString());
			}
		});
	}

	@Test
	void feedbackWithTheMembersAskedCostsTheSameForOneAndFifty() {
		String query = """
				query($m: ID) { feedbackRequests(mentorshipId: $m, first: 50) { edges { node {
				    id occasion rating answer member { id firstName lastName }
				} } } }""";
		Account admin = admin();
		Map<Integer, UUID> mentorships = new HashMap<>();
		for (int n : new int[] { 1, 50 }) {
			UUID mentorship = seedMentorship(member("Mentee"), member("Mentor"), "ACTIVE");
			mentorships.put(n, mentorship);
			for (int i = 0; i < n; i++) {
				this.jdbc.update(
						"insert into feedback_requests (id, member_id, mentorship_id, occasion, source_key, requested_at,"
								+ " answered_at, rating, answer, version) values (?, ?, ?, 'MEETING', ?, ?, ?, 4, 'Gut', 0)",
						UUID.randomUUID().toString(), member("Befragte" + i).toString(), mentorship.toString(),
						"meeting:" + UUID.randomUUID(), AT.plusMinutes(i), AT.plusHours(2));
			}
		}
		long costOfOne = cost(admin, query, Map.of("m", mentorships.get(1)), "feedbackRequests.edges", 1);
		long costOfFifty = cost(admin, query, Map.of("m", mentorships.get(50)), "feedbackRequests.edges", 50);
		assertThat(costOfFifty).isEqualTo(costOfOne);
		run(admin, query, Map.of("m", mentorships.get(50)),
				(response) -> assertThat(
						response.path("feedbackRequests.edges[*].node.member.id").entityList(String.class).get())
					.hasSize(50)
					.doesNotContainNull()
					.doesNotHaveDuplicates());
	}

	private interface Seed {

		void into(Account owner, int n);

	}

	/**
	 * Seeds one and fifty items for two fresh members and compares what the query costs.
	 */
	private void assertSameCost(String query, Map<String, Object> variables, String edges, Seed seed) {
		Account one = signUp("Eins", "Zaehler", "MENTOR", "MENTEE");
		Account fifty = signUp("Fuenfzig", "Zaehler", "MENTOR", "MENTEE");
		seed.into(one, 1);
		seed.into(fifty, 50);
		long costOfOne = cost(one, query, variables, edges, 1);
		long costOfFifty = cost(fifty, query, variables, edges, 50);
		assertThat(costOfFifty).isEqualTo(costOfOne);
	}

	private long cost(Account member, String query, Map<String, Object> variables, String edges, int items) {
		// once to warm caches (engine deployment cache, prepared metadata), then counted
		run(member, query, variables, (response) -> {
		});
		List<String> sql = this.statements.during(() -> run(member, query, variables,
				(response) -> response.path(edges).entityList(Object.class).hasSize(items)));
		assertThat(sql).as("statements for %d items", items).isNotEmpty();
		return sql.size();
	}

	private void run(Account member, String query, Map<String, Object> variables,
			Consumer<GraphQlTester.Response> check) {
		GraphQlTester.Request<?> request = as(member).document(query);
		variables.forEach(request::variable);
		GraphQlTester.Response response = request.execute();
		response.errors().verify();
		check.accept(response);
	}

	private UUID member(String firstName) {
		UUID id = UUID.randomUUID();
		this.jdbc.update(
				"insert into members (id, email, password_hash, first_name, last_name, language, time_zone, mentor_available,"
						+ " mentor_capacity, created_at, version) values (?, ?, 'x', ?, 'Seed', 'DE', 'Europe/Vienna', false, 1, ?, 0)",
				id.toString(), id + "@seed.test", firstName, AT);
		this.jdbc.update("insert into member_roles (member_id, role) values (?, 'MENTEE')", id.toString());
		this.jdbc.update("insert into member_topics (member_id, position, topic) values (?, 0, 'Karriere')",
				id.toString());
		this.jdbc.update("insert into member_languages (member_id, position, language) values (?, 0, 'Deutsch')",
				id.toString());
		return id;
	}

	private UUID seedMentorship(UUID menteeId, UUID mentorId, String status) {
		UUID id = UUID.randomUUID();
		this.jdbc.update(
				"insert into mentorships (id, mentee_id, mentor_id, status, open_pair_key, requested_at, version)"
						+ " values (?, ?, ?, ?, ?, ?, 0)",
				id.toString(), menteeId.toString(), mentorId.toString(), status, menteeId + ":" + mentorId,
				Timestamp.valueOf(AT));
		return id;
	}

	private void seedMeeting(UUID mentorshipId, UUID mentorId) {
		String mentee = this.jdbc.queryForObject("select mentee_id from mentorships where id = ?", String.class,
				mentorshipId.toString());
		UUID id = UUID.randomUUID();
		this.jdbc.update(
				"insert into meetings (id, mentorship_id, mentee_id, mentor_id, status, final_meeting, starts_at,"
						+ " duration_minutes, kind, proposal_round, invitation_sequence, proposed_at, version)"
						+ " values (?, ?, ?, ?, 'SCHEDULED', false, ?, 60, 'VIDEO', 1, 0, ?, 0)",
				id.toString(), mentorshipId.toString(), mentee, mentorId.toString(), AT.plusDays(3), AT);
		this.jdbc.update(
				"insert into meeting_slots (meeting_id, position, starts_at, duration_minutes, kind) values (?, 0, ?, 60, 'VIDEO')",
				id.toString(), AT.plusDays(3));
	}

	private void seedArticle(UUID authorId, String topic) {
		String id = UUID.randomUUID().toString();
		String revision = UUID.randomUUID().toString();
		this.jdbc.update(
				"insert into wiki_articles (id, author_id, title, body, revision_count, current_revision_id, created_at,"
						+ " revised_at, version) values (?, ?, 'Titel', 'Text', 1, ?, ?, ?, 0)",
				id, authorId.toString(), revision, AT, AT);
		this.jdbc.update("insert into wiki_article_topics (article_id, position, topic) values (?, 0, ?)", id, topic);
		this.jdbc
			.update("insert into wiki_revisions (id, article_id, revision_number, author_id, title, body, created_at)"
					+ " values (?, ?, 1, ?, 'Titel', 'Text', ?)", revision, id, authorId.toString(), AT);
	}

}
