package at.alma.mentoring.achievement;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.SqlStatements;
import at.alma.mentoring.meeting.MeetingHeld;
import at.alma.mentoring.mentorship.MentorshipCompleted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AchievementApiTests extends ApiTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	SqlStatements statements;

	@BeforeEach
	void stopTime() {
		this.clock.setTo(Instant.parse("2027-03-01T08:00:00Z"));
	}

	@Test
	void anApprovedFirstAgreementIsAnAchievementForBothWithTheOtherSide() {
		Account mentee = signUp("Anna", "Abschluss", "MENTEE");
		Account mentor = signUp("Bernd", "Betreuer", "MENTOR");
		UUID mentorship = active(mentee, mentor);

		var mine = as(mentee).documentName("myAchievements").execute();
		mine.path("me.achievements.items.edges[*].node.kind")
			.entityList(String.class)
			.containsExactly("AGREEMENT_CONCLUDED");
		mine.path("me.achievements.items.edges[0].node.role").entity(String.class).isEqualTo("MENTEE");
		mine.path("me.achievements.items.edges[0].node.source.type").entity(String.class).isEqualTo("MENTORSHIP");
		mine.path("me.achievements.items.edges[0].node.source.id")
			.entity(String.class)
			.isEqualTo(mentorship.toString());
		mine.path("me.achievements.items.edges[0].node.partner.displayName").entity(String.class).isEqualTo("Bernd B.");
		mine.path("me.achievements.totals[?(@.kind == 'AGREEMENT_CONCLUDED')].count")
			.entityList(Integer.class)
			.containsExactly(1);
		mine.path("me.achievements.totals[*].kind").entityList(String.class).hasSize(7);
		assertThat(this.scenarios.achievements(mentor, "AGREEMENT_CONCLUDED", mentorship)).isEqualTo(1);
	}

	@Test
	void aMeetingConfirmedByOneSideOnlyGivesNoneAndByBothOneToEach() {
		Account mentee = signUp("Carla", "Termin", "MENTEE");
		Account mentor = signUp("Dieter", "Termin", "MENTOR");
		UUID mentorship = active(mentee, mentor);
		UUID meeting = this.scenarios.meetingAfterItsTime(mentee, mentor, mentorship);

		this.scenarios.confirm(signIn(mentee), meeting)
			.path("confirmMeetingHeld.meeting.status")
			.entity(String.class)
			.isEqualTo("SCHEDULED");
		assertThat(this.scenarios.achievements(mentee, "MEETING_HELD")).isZero();
		assertThat(this.scenarios.achievements(mentor, "MEETING_HELD")).isZero();

		this.scenarios.confirm(signIn(mentor), meeting)
			.path("confirmMeetingHeld.meeting.status")
			.entity(String.class)
			.isEqualTo("HELD");
		assertThat(this.scenarios.achievements(mentee, "MEETING_HELD", meeting)).isEqualTo(1);
		assertThat(this.scenarios.achievements(mentor, "MEETING_HELD", meeting)).isEqualTo(1);
		as(signIn(mentor)).documentName("myAchievements")
			.execute()
			.path("me.achievements.items.edges[0].node.kind")
			.entity(String.class)
			.isEqualTo("MEETING_HELD");
	}

	@Test
	void aReplayedEventGivesNoSecondAchievement() {
		Account mentee = signUp("Erik", "Echo", "MENTEE");
		Account mentor = signUp("Frida", "Echo", "MENTOR");
		UUID mentorship = active(mentee, mentor);
		UUID meeting = this.scenarios.meetingAfterItsTime(mentee, mentor, mentorship);
		this.scenarios.held(mentee, mentor, meeting);

		MeetingHeld held = new MeetingHeld(meeting, mentorship, mentee.id(), mentor.id(), false);
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(held));
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(
					new at.alma.mentoring.mentorship.MentorshipActivated(mentorship, mentee.id(), mentor.id()));
			this.events.publishEvent(held);
		});

		assertThat(this.scenarios.achievements(mentee, "MEETING_HELD")).isEqualTo(1);
		assertThat(this.scenarios.achievements(mentor, "MEETING_HELD")).isEqualTo(1);
		assertThat(this.scenarios.achievements(mentee, "AGREEMENT_CONCLUDED")).isEqualTo(1);
		assertThat(this.scenarios.achievements(mentor, "AGREEMENT_CONCLUDED")).isEqualTo(1);
	}

	/**
	 * The code that publishes MentorshipCompleted is being written elsewhere; this test
	 * publishes the event itself, in a transaction as the closing would.
	 */
	@Test
	void aCompletedMentorshipIsOneAchievementForEachSideHoweverOftenItIsAnnounced() {
		Account mentee = signUp("Gina", "Ende", "MENTEE");
		Account mentor = signUp("Hans", "Ende", "MENTOR");
		UUID mentorship = active(mentee, mentor);
		MentorshipCompleted completed = new MentorshipCompleted(mentorship, mentee.id(), mentor.id());

		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(completed));
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(completed));

		assertThat(this.scenarios.achievements(mentee, "MENTORSHIP_COMPLETED", mentorship)).isEqualTo(1);
		assertThat(this.scenarios.achievements(mentor, "MENTORSHIP_COMPLETED", mentorship)).isEqualTo(1);
	}

	@Test
	void anAchievementRollsBackWithTheChangeThatEarnedIt() {
		Account mentee = signUp("Ida", "Zurueck", "MENTEE");
		Account mentor = signUp("Jan", "Zurueck", "MENTOR");
		UUID mentorship = UUID.randomUUID();

		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new MentorshipCompleted(mentorship, mentee.id(), mentor.id()));
			status.setRollbackOnly();
		});

		assertThat(this.scenarios.achievements(mentee, "MENTORSHIP_COMPLETED")).isZero();
		assertThat(this.scenarios.achievements(mentor, "MENTORSHIP_COMPLETED")).isZero();
	}

	/**
	 * Two nodes handle the same event at the same moment: both business transactions
	 * commit, one row each.
	 */
	@Test
	void theSameEventHandledTwiceAtOnceRecordsOneAchievementAndFailsNeitherTransaction() throws Exception {
		Account mentee = signUp("Kai", "Parallel", "MENTEE");
		Account mentor = signUp("Lea", "Parallel", "MENTOR");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20; round++) {
				MentorshipCompleted completed = new MentorshipCompleted(UUID.randomUUID(), mentee.id(), mentor.id());
				CyclicBarrier barrier = new CyclicBarrier(2);
				List<Future<?>> results = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					results.add(pool.submit(() -> {
						barrier.await(10, TimeUnit.SECONDS);
						this.transactions.executeWithoutResult((status) -> this.events.publishEvent(completed));
						return null;
					}));
				}
				for (Future<?> result : results) {
					result.get(60, TimeUnit.SECONDS); // neither transaction failed
				}
				assertThat(this.scenarios.achievements(mentee, "MENTORSHIP_COMPLETED", completed.mentorshipId()))
					.isEqualTo(1);
				assertThat(this.scenarios.achievements(mentor, "MENTORSHIP_COMPLETED", completed.mentorshipId()))
					.isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Why the order matters: when the second transaction waits on the first one's first
	 * row, the first one's second row must not go into the gap right before that row, or
	 * InnoDB finds a deadlock (seen in CI, about once in 50,000 races of neighbouring
	 * ids). The race itself is too rare to catch in a test; the order is not.
	 */
	@Test
	void aPairIsWrittenInTheOrderOfTheUniqueIndexWhicheverSideSortsFirst() {
		String base = UUID.randomUUID().toString().substring(0, 35);
		UUID lower = member(base + "0");
		UUID higher = member(base + "1");
		for (MentorshipCompleted completed : List.of(new MentorshipCompleted(UUID.randomUUID(), higher, lower),
				new MentorshipCompleted(UUID.randomUUID(), lower, higher))) {
			List<SqlStatements.Statement> inserts = this.statements
				.executed(() -> this.transactions.executeWithoutResult((status) -> this.events.publishEvent(completed)))
				.stream()
				.filter((statement) -> statement.sql().startsWith("insert into achievements"))
				.toList();
			assertThat(inserts).singleElement()
				.extracting((insert) -> List.of(insert.parameters().get(1), insert.parameters().get(9)))
				.isEqualTo(List.of(lower.toString(), higher.toString()));
		}
	}

	/** A member row with the given id, written straight to the table. */
	private UUID member(String id) {
		this.jdbc.update(
				"insert into members (id, email, password_hash, first_name, last_name, language, time_zone,"
						+ " mentor_available, mentor_capacity, created_at, version)"
						+ " values (?, ?, 'x', 'Nachbar', 'Index', 'de', 'Europe/Vienna', false, 0, ?, 0)",
				id, id + "@example.org", LocalDateTime.of(2027, 3, 1, 8, 0));
		return UUID.fromString(id);
	}

	@Test
	void writingRevisingAndRatingArticlesEarnTheAuthorReviserAndRaterTheirs() {
		Account author = signUp("Mia", "Autorin", "MENTOR");
		Account reader = signUp("Nico", "Leser", "MENTEE");
		UUID article = this.scenarios.article(author, "Gut verhandeln");
		assertThat(this.scenarios.achievements(author, "ARTICLE_CREATED", article)).isEqualTo(1);

		String revisionId = as(reader).document(
				"mutation($id: ID!) { reviseArticle(input: {articleId: $id, title: \"Gut verhandeln\", body: \"Mehr\"}) { article { currentRevision { id } } } }")
			.variable("id", article)
			.execute()
			.path("reviseArticle.article.currentRevision.id")
			.entity(String.class)
			.get();
		assertThat(this.scenarios.achievements(reader, "ARTICLE_REVISED", UUID.fromString(revisionId))).isEqualTo(1);
		assertThat(this.scenarios.achievements(author, "ARTICLE_REVISED")).isZero();

		for (int stars : new int[] { 4, 5 }) {
			as(reader).document(
					"mutation($id: ID!, $s: Int!) { rateArticle(input: {articleId: $id, stars: $s}) { article { id } } }")
				.variable("id", article)
				.variable("s", stars)
				.execute();
		}
		assertThat(this.scenarios.achievements(reader, "ARTICLE_RATED", article)).isEqualTo(1);

		expectCode(as(author)
			.document("mutation($id: ID!) { rateArticle(input: {articleId: $id, stars: 5}) { article { id } } }")
			.variable("id", article)
			.execute(), "OWN_ARTICLE");
		assertThat(this.scenarios.achievements(author, "ARTICLE_RATED")).isZero();
	}

	@Test
	void foundingAGroupMakesItsCreatorALeaderOnce() {
		Account founder = signUp("Olga", "Gruppe", "MENTOR");
		String group = as(founder).document("mutation($n: String!) { createGroup(input: {name: $n}) { group { id } } }")
			.variable("n", "Leitung " + UUID.randomUUID())
			.execute()
			.path("createGroup.group.id")
			.entity(String.class)
			.get();
		assertThat(this.scenarios.achievements(founder, "GROUP_LEADERSHIP", UUID.fromString(group))).isEqualTo(1);
	}

	@Test
	void myAchievementsArePagedNewestFirst() {
		Account author = signUp("Paula", "Seiten", "MENTOR");
		List<UUID> articles = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			articles.add(this.scenarios.article(author, "Artikel " + i));
			this.clock.advance(java.time.Duration.ofMinutes(1));
		}
		var first = as(author).document(
				"{ me { achievements { items(first: 2) { edges { node { source { id } } } pageInfo { hasNextPage endCursor } } } } }")
			.execute();
		first.path("me.achievements.items.edges[*].node.source.id")
			.entityList(String.class)
			.containsExactly(articles.get(2).toString(), articles.get(1).toString());
		String cursor = first.path("me.achievements.items.pageInfo.endCursor").entity(String.class).get();
		as(author).document(
				"query($c: String) { me { achievements { items(first: 2, after: $c) { edges { node { source { id } } } pageInfo { hasNextPage } } } } }")
			.variable("c", cursor)
			.execute()
			.path("me.achievements.items.edges[*].node.source.id")
			.entityList(String.class)
			.containsExactly(articles.get(0).toString());
	}

	@Test
	void thePublicProfileShowsEngagementButNotWithWhomUnlessBothAllowIt() {
		Account mentee = signUp("Rita", "Privat", "MENTEE");
		Account mentor = signUp("Sven", "Privat", "MENTOR");
		Account visitor = signUp("Tina", "Besuch", "MENTEE");
		UUID mentorship = active(mentee, mentor);
		UUID meeting = this.scenarios.meetingAfterItsTime(mentee, mentor, mentorship);
		this.scenarios.held(mentee, mentor, meeting);
		this.clock.advance(java.time.Duration.ofMinutes(5));
		UUID article = this.scenarios.article(signIn(mentor), "Mentoring-Tipps");
		visitor = signIn(visitor);

		String query = """
				query($id: ID!) { member(id: $id) { achievements {
				    totals { kind count }
				    recent(limit: 10) { kind achievedOn role source { type id } partner { id displayName } }
				} } }""";
		var profile = as(visitor).document(query).variable("id", mentor.id()).execute();
		profile.path("member.achievements.recent[*].kind")
			.entityList(String.class)
			.containsExactly("ARTICLE_CREATED", "MEETING_HELD", "AGREEMENT_CONCLUDED");
		profile.path("member.achievements.recent[0].source.id").entity(String.class).isEqualTo(article.toString());
		profile.path("member.achievements.recent[1].source").valueIsNull();
		profile.path("member.achievements.recent[1].role").entity(String.class).isEqualTo("MENTOR");
		profile.path("member.achievements.recent[1].achievedOn").entity(String.class).isEqualTo("2027-03-10");
		profile.path("member.achievements.recent[1].partner").valueIsNull();
		profile.path("member.achievements.recent[2].partner").valueIsNull();
		profile.path("member.achievements.totals[?(@.kind == 'MEETING_HELD')].count")
			.entityList(Integer.class)
			.containsExactly(1);

		// only the mentor allows it: the mentee is still not named
		share(signIn(mentor));
		as(visitor).document(query)
			.variable("id", mentor.id())
			.execute()
			.path("member.achievements.recent[1].partner")
			.valueIsNull();

		// both allow it
		share(signIn(mentee));
		var named = as(visitor).document(query).variable("id", mentor.id()).execute();
		named.path("member.achievements.recent[1].partner.displayName").entity(String.class).isEqualTo("Rita P.");
		named.path("member.achievements.recent[1].source").valueIsNull();

		// the public type has no exact times, no ids of private sources, no list of
		// everything
		as(visitor).document(
				"query($id: ID!) { member(id: $id) { achievements { items(first: 5) { edges { node { id } } } } } }")
			.variable("id", mentor.id())
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == graphql.ErrorType.ValidationError)
			.verify();
		as(visitor).document("query($id: ID!) { member(id: $id) { achievements { recent { achievedAt } } } }")
			.variable("id", mentor.id())
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == graphql.ErrorType.ValidationError)
			.verify();
	}

	@Test
	void showMentoringPartnersIsOffUntilTheMemberSwitchesItOn() {
		Account member = signUp("Uwe", "Schalter", "MENTOR");
		as(member).document("{ me { showMentoringPartners } }")
			.execute()
			.path("me.showMentoringPartners")
			.entity(Boolean.class)
			.isEqualTo(false);
		share(member).path("updateProfile.me.showMentoringPartners").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void theMentorDirectorySortsByEngagement() {
		String topic = "engagement-" + UUID.randomUUID();
		Account viewer = signUp("Vera", "Sucht", "MENTEE");
		Account few = signUp("Anton", "Wenig", "MENTOR");
		Account many = signUp("Zoe", "Viel", "MENTOR");
		Account none = signUp("Bea", "Neu", "MENTOR");
		Account completer = signUp("Carl", "Fertig", "MENTOR");
		for (Account mentor : List.of(few, many, none, completer)) {
			as(mentor).document("mutation($t: [String!]) { updateProfile(input: {topics: $t}) { me { id } } }")
				.variable("t", List.of(topic))
				.execute();
		}
		seed(few, "MEETING_HELD", "MENTOR", 1);
		seed(many, "MEETING_HELD", "MENTOR", 3);
		// held as mentee: no engagement as a mentor
		seed(none, "MEETING_HELD", "MENTEE", 5);
		seed(completer, "MENTORSHIP_COMPLETED", "MENTOR", 2);

		// ties by name
		assertThat(directory(viewer, topic, "MEETINGS_HELD")).containsExactly(many.id().toString(), few.id().toString(),
				completer.id().toString(), none.id().toString());
		assertThat(directory(viewer, topic, "MENTORSHIPS_COMPLETED")).containsExactly(completer.id().toString(),
				none.id().toString(), many.id().toString(), few.id().toString());
		assertThat(directory(viewer, topic, "NAME")).containsExactly(completer.id().toString(), none.id().toString(),
				many.id().toString(), few.id().toString());
		assertThat(directory(viewer, topic, null)).containsExactly(completer.id().toString(), none.id().toString(),
				many.id().toString(), few.id().toString());
	}

	private List<String> directory(Account viewer, String topic, String order) {
		String document = (order != null)
				? "query($t: String) { mentors(topic: $t, orderBy: " + order
						+ ", first: 10) { edges { node { id } } } }"
				: "query($t: String) { mentors(topic: $t, first: 10) { edges { node { id } } } }";
		return as(viewer).document(document)
			.variable("t", topic)
			.execute()
			.path("mentors.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private void seed(Account member, String kind, String role, int count) {
		for (int i = 0; i < count; i++) {
			this.jdbc.update(
					"insert into achievements (id, member_id, kind, source_type, source_id, member_role, achieved_at) values (?, ?, ?, ?, ?, ?, ?)",
					UUID.randomUUID().toString(), member.id().toString(), kind,
					kind.equals("MEETING_HELD") ? "MEETING" : "MENTORSHIP", UUID.randomUUID().toString(), role,
					LocalDateTime.of(2027, 1, 1, 12, 0));
		}
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Response share(Account member) {
		return as(member)
			.document(
					"mutation { updateProfile(input: {showMentoringPartners: true}) { me { showMentoringPartners } } }")
			.execute();
	}

}
