package at.alma.mentoring.member;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.SqlStatements;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code recommendedMentors} through {@code /graphql} on hand-made profiles. The database
 * is shared with every other API test, so each test's profiles carry words of their own
 * (a random tag) and the assertions look at the test's own mentors, who share those words
 * with the mentee and so rank above everyone else's.
 */
class RecommendationTests extends ApiTest {

	/** Winter: Vienna is UTC+1, New York UTC-5, Kolkata UTC+5:30. */
	private static final Instant JANUARY = Instant.parse("2027-01-15T12:00:00Z");

	private static final String RECOMMENDED = """
			query($first: Int) { recommendedMentors(first: $first) {
			  mentor { id displayName topics fields languages meetingKinds available }
			  score
			  reasons { matchedTopics matchedFields matchedLanguages matchedMeetingKinds zoneDifferenceHours meetingsHeld }
			} }""";

	private static final String UPDATE = """
			mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { me { id } } }""";

	@Autowired
	SqlStatements statements;

	@Test
	void ordersByTheWeightedPartsAndSaysWhy() {
		this.clock.setTo(JANUARY);
		String tag = tag();
		Account mentee = member("Mia", "Europe/Vienna",
				Map.of("topics", List.of("kunstliche intelligenz " + tag, "Datenbanken " + tag), "fields",
						List.of("education " + tag), "languages", List.of("francais " + tag), "meetingKinds",
						List.of("VIDEO", "IN_PERSON")),
				"MENTEE");
		Account alle = member("Anna", "Europe/Vienna",
				Map.of("topics", List.of("Künstliche Intelligenz " + tag), "fields", List.of("Éducation " + tag),
						"languages", List.of("Français " + tag), "meetingKinds", List.of("VIDEO")),
				"MENTOR");
		Account themen = member("Bert", "America/New_York",
				Map.of("topics", List.of("KÜNSTLICHE  INTELLIGENZ " + tag.toUpperCase(), "datenbanken " + tag)),
				"MENTOR");
		Account fern = member("Chandra", "Asia/Kolkata", Map.of("fields", List.of("Education " + tag), "languages",
				List.of("FRANÇAIS " + tag), "meetingKinds", List.of("PHONE", "IN_PERSON", "VIDEO")), "MENTOR");
		Map<String, Object> datenbanken = Map.of("topics", List.of("Datenbanken " + tag));
		Account erfahren = member("Greta", "Europe/Vienna", datenbanken, "MENTOR");
		meetingsHeldAsMentor(erfahren, 10);
		Account gleich1 = member("Dora", "Europe/Vienna", datenbanken, "MENTOR");
		Account gleich2 = member("Emil", "Europe/Vienna", datenbanken, "MENTOR");
		List<Account> tied = (gleich1.id().toString().compareTo(gleich2.id().toString()) < 0)
				? List.of(gleich1, gleich2) : List.of(gleich2, gleich1);

		List<Map<String, Object>> mine = recommended(mentee, 50, alle, themen, fern, erfahren, gleich1, gleich2);

		assertThat(mine).extracting((r) -> id(r), (r) -> r.get("score"))
			.containsExactly(tuple(alle.id().toString(), 7.5), tuple(fern.id().toString(), 5.625),
					tuple(themen.id().toString(), 4.5), tuple(erfahren.id().toString(), 3.5),
					tuple(tied.get(0).id().toString(), 3.0), tuple(tied.get(1).id().toString(), 3.0));
		assertThat(reasons(mine.get(0))).containsEntry("matchedTopics", List.of("Künstliche Intelligenz " + tag))
			.containsEntry("matchedFields", List.of("Éducation " + tag))
			.containsEntry("matchedLanguages", List.of("Français " + tag))
			.containsEntry("matchedMeetingKinds", List.of("VIDEO"))
			.containsEntry("zoneDifferenceHours", 0.0)
			.containsEntry("meetingsHeld", 0);
		assertThat(reasons(mine.get(1))).containsEntry("matchedTopics", List.of())
			.containsEntry("matchedFields", List.of("Education " + tag))
			.containsEntry("matchedLanguages", List.of("FRANÇAIS " + tag))
			.containsEntry("matchedMeetingKinds", List.of("IN_PERSON", "VIDEO"))
			.containsEntry("zoneDifferenceHours", 4.5);
		assertThat(reasons(mine.get(2)))
			.containsEntry("matchedTopics",
					List.of("KÜNSTLICHE  INTELLIGENZ " + tag.toUpperCase(), "datenbanken " + tag))
			.containsEntry("matchedLanguages", List.of())
			.containsEntry("matchedMeetingKinds", List.of())
			.containsEntry("zoneDifferenceHours", 6.0);
		assertThat(reasons(mine.get(3))).containsEntry("meetingsHeld", 10);
		@SuppressWarnings("unchecked")
		Map<String, Object> profile = (Map<String, Object>) mine.get(0).get("mentor");
		assertThat(profile).containsEntry("displayName", "Anna T.")
			.containsEntry("fields", List.of("Éducation " + tag))
			.containsEntry("meetingKinds", List.of("VIDEO"))
			.containsEntry("available", true);
		// everyone else's mentors share none of the mentee's words: they follow
		assertThat(all(mentee, 6)).containsExactlyElementsOf(mine.stream().map(RecommendationTests::id).toList());
	}

	@Test
	void leavesOutWhomTheMenteeCannotAsk() {
		String tag = tag();
		Map<String, Object> profile = Map.of("topics", List.of("Kinderbuch " + tag));
		Account mentee = member("Mats", "Europe/Vienna", profile, "MENTEE", "MENTOR");
		Account frei = member("Frida", "Europe/Vienna", profile, "MENTOR");
		Account voll = member("Volker", "Europe/Vienna", profile, "MENTOR");
		accepted(signUp("Andere", "Mentee", "MENTEE"), voll);
		Account zweiPlaetze = member("Zora", "Europe/Vienna",
				Map.of("topics", List.of("Kinderbuch " + tag), "mentorCapacity", 2), "MENTOR");
		accepted(signUp("Andere", "Mentee", "MENTEE"), zweiPlaetze);
		Account angefragt = member("Anton", "Europe/Vienna", profile, "MENTOR");
		requested(mentee, angefragt);
		Account betreut = member("Berta", "Europe/Vienna", profile, "MENTOR");
		active(mentee, betreut);
		Account zurueckgezogen = member("Willi", "Europe/Vienna", profile, "MENTOR");
		this.scenarios.act(mentee, "withdrawMentorshipRequest", requested(mentee, zurueckgezogen)).errors().verify();
		Account pausiert = member("Paula", "Europe/Vienna",
				Map.of("topics", List.of("Kinderbuch " + tag), "mentorAvailable", false), "MENTOR");
		Account unbestaetigt = this.scenarios.signUpUnverified("Ulla", "Offen", "MENTOR");
		as(unbestaetigt).document(UPDATE).variable("input", profile).execute().errors().verify();
		Account gesperrt = member("Sven", "Europe/Vienna", profile, "MENTOR");
		as(admin())
			.document(
					"mutation($id: ID!) { suspendMember(input: {memberId: $id, reason: \"Spam\"}) { member { id } } }")
			.variable("id", gesperrt.id())
			.execute()
			.errors()
			.verify();
		Account nurMentee = member("Nina", "Europe/Vienna", profile, "MENTEE");

		List<String> ids = recommended(mentee, 50, frei, voll, zweiPlaetze, angefragt, betreut, zurueckgezogen,
				pausiert, unbestaetigt, gesperrt, nurMentee, mentee)
			.stream()
			.map(RecommendationTests::id)
			.toList();

		// the full one, the asked one, the own mentor, the paused, the unverified, the
		// suspended, a mentee and the mentee themself are missing
		assertThat(ids).containsExactlyInAnyOrder(frei.id().toString(), zweiPlaetze.id().toString(),
				zurueckgezogen.id().toString());
	}

	@Test
	void aMentorWhoDeclinedIsRecommendedAgainAfterTheCoolDown() {
		this.clock.setTo(JANUARY);
		String tag = tag();
		Map<String, Object> profile = Map.of("fields", List.of("Hörfunk " + tag));
		Account mentee = member("Lea", "Europe/Vienna", Map.of("fields", List.of("horfunk " + tag)), "MENTEE");
		Account mentor = member("Rudi", "Europe/Vienna", profile, "MENTOR");
		assertThat(recommended(mentee, 50, mentor)).hasSize(1);

		UUID request = requested(mentee, mentor);
		assertThat(recommended(mentee, 50, mentor)).as("asked").isEmpty();
		this.scenarios.decline(mentor, request, null).errors().verify();
		assertThat(recommended(mentee, 50, mentor)).as("just declined").isEmpty();

		this.clock.advance(Duration.ofDays(90).minusSeconds(1));
		mentee = signIn(mentee);
		assertThat(recommended(mentee, 50, mentor)).as("89 days later").isEmpty();
		this.clock.advance(Duration.ofSeconds(1));
		mentee = signIn(mentee);
		assertThat(recommended(mentee, 50, mentor)).as("90 days later").hasSize(1);
	}

	@Test
	void refusesACountOutsideOneToFifty() {
		Account mentee = signUp("Gerda", "Grenze", "MENTEE");
		for (int first : new int[] { 0, -1, 51 }) {
			expectInvalid(as(mentee).document(RECOMMENDED).variable("first", first).execute(), "first");
		}
		as(mentee).document("{ recommendedMentors(first: null) { score } }").execute().errors().verify();
		as(mentee).document("{ recommendedMentors { score } }").execute().errors().verify();
	}

	@Test
	void isForSignedInMentees() {
		anonymous().document("{ recommendedMentors { score } }")
			.execute()
			.errors()
			.expect((error) -> "UNAUTHORIZED".equals(error.getExtensions().get("code")))
			.verify();
		expectCode(as(signUp("Max", "Mentor", "MENTOR")).document("{ recommendedMentors { score } }").execute(),
				"NOT_A_MENTEE");
	}

	@Test
	void costsTheSameStatementsForOneMatchingMentorAsForTwentyFive() {
		String tag = tag();
		Account mentee = member("Sara", "Europe/Vienna",
				Map.of("topics", List.of("Statistik " + tag), "languages", List.of("Deutsch " + tag)), "MENTEE");
		seedMentor("Statistik " + tag, "Deutsch " + tag);
		String query = "query($first: Int) { recommendedMentors(first: $first) { mentor { id displayName topics fields languages } score reasons { matchedTopics matchedLanguages } } }";
		run(mentee, query);
		int one = this.statements.during(() -> assertThat(run(mentee, query)).isNotEmpty()).size();
		for (int i = 0; i < 24; i++) {
			seedMentor("Statistik " + tag, "Deutsch " + tag);
		}
		List<String> many = this.statements
			.during(() -> assertThat(run(mentee, query)).hasSizeGreaterThanOrEqualTo(25));
		assertThat(many).hasSize(one);
	}

	// --- helpers

	/** A verified member with this profile (updateProfile input). */
	private Account member(String firstName, String timeZone, Map<String, Object> profile, String... roles) {
		Account account = signUpWith(firstName, "Test", "DE", timeZone, roles);
		as(account).document(UPDATE).variable("input", profile).execute().errors().verify();
		return account;
	}

	/**
	 * The recommendations of {@code first} that are among {@code ours}, in the order
	 * given.
	 */
	private List<Map<String, Object>> recommended(Account mentee, int first, Account... ours) {
		List<String> ids = java.util.Arrays.stream(ours).map((account) -> account.id().toString()).toList();
		return response(mentee, first).path("recommendedMentors").entityList(Map.class).get().stream().map((map) -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> typed = (Map<String, Object>) map;
			return typed;
		}).filter((r) -> ids.contains(id(r))).toList();
	}

	/** The ids of the first {@code first} recommendations, everyone's. */
	private List<String> all(Account mentee, int first) {
		return response(mentee, first).path("recommendedMentors[*].mentor.id").entityList(String.class).get();
	}

	private GraphQlTester.Response response(Account mentee, int first) {
		GraphQlTester.Response response = as(mentee).document(RECOMMENDED).variable("first", first).execute();
		response.errors().verify();
		return response;
	}

	private List<Object> run(Account mentee, String query) {
		GraphQlTester.Response response = as(mentee).document(query).variable("first", 50).execute();
		response.errors().verify();
		return response.path("recommendedMentors").entityList(Object.class).get();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> reasons(Map<String, Object> recommendation) {
		return (Map<String, Object>) recommendation.get("reasons");
	}

	@SuppressWarnings("unchecked")
	private static String id(Map<String, Object> recommendation) {
		return (String) ((Map<String, Object>) recommendation.get("mentor")).get("id");
	}

	/** Ten letters of its own per test: words no other test's profiles have. */
	private static String tag() {
		Random random = new Random();
		StringBuilder tag = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			tag.append((char) ('a' + random.nextInt(26)));
		}
		return tag.toString();
	}

	/**
	 * Achievements of held meetings as mentor, as the achievement module records them.
	 */
	private void meetingsHeldAsMentor(Account mentor, int count) {
		for (int i = 0; i < count; i++) {
			this.jdbc.update(
					"insert into achievements (id, member_id, kind, source_type, source_id, member_role, achieved_at)"
							+ " values (?, ?, 'MEETING_HELD', 'MEETING', ?, 'MENTOR', ?)",
					UUID.randomUUID().toString(), mentor.id().toString(), UUID.randomUUID().toString(),
					Timestamp.from(JANUARY));
		}
	}

	/**
	 * A verified, available mentor with this topic and language, seeded with SQL as the
	 * application stores them (the compared forms included).
	 */
	private void seedMentor(String topic, String language) {
		String id = UUID.randomUUID().toString();
		this.jdbc.update(
				"insert into members (id, email, password_hash, first_name, last_name, language, time_zone,"
						+ " mentor_available, mentor_capacity, created_at, email_verified_at, version)"
						+ " values (?, ?, 'x', 'Seed', 'Mentor', 'DE', 'Europe/Vienna', true, 1, ?, ?, 0)",
				id, id + "@seed.test", Timestamp.from(JANUARY), Timestamp.from(JANUARY));
		this.jdbc.update("insert into member_roles (member_id, role) values (?, 'MENTOR')", id);
		this.jdbc.update("insert into member_topics (member_id, position, topic) values (?, 0, ?)", id, topic);
		this.jdbc.update("insert into member_languages (member_id, position, language) values (?, 0, ?)", id, language);
		Map<String, String> keys = new HashMap<>();
		keys.put("TOPIC", topic);
		keys.put("LANGUAGE", language);
		int position = 0;
		for (String kind : List.of("TOPIC", "LANGUAGE")) {
			this.jdbc.update(
					"insert into member_match_keys (member_id, position, kind, match_key, label) values (?, ?, ?, ?, ?)",
					id, position++, kind, MatchKeys.of(keys.get(kind)), keys.get(kind));
		}
	}

}
