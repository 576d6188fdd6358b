package at.alma.mentoring.member;

import java.sql.Connection;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.SqlStatements;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The directory's search, {@code mentors(search: …)}, through {@code /graphql}: ranking
 * on hand-made profiles, case, accents and umlauts, two-letter terms, what is never
 * searched, the directory's filters and paging, profile changes seen at once, bad input.
 * Each test tags its mentors with a topic of its own and filters by it, or searches for a
 * made-up word of its own, so that members of other tests in the shared context never
 * appear.
 */
class MentorSearchTests extends ApiTest {

	private static final String MENTORS = """
			query($search: String, $topic: String, $available: Boolean, $orderBy: MentorOrder, $first: Int, $after: String) {
			  mentors(search: $search, topic: $topic, available: $available, orderBy: $orderBy, first: $first, after: $after) {
			    edges { cursor node { id displayName } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	@Autowired
	SqlStatements statements;

	@Autowired
	V31__search_terms_of_existing_members backfill;

	@Autowired
	DataSource dataSource;

	@Autowired
	Flyway flyway;

	@Test
	void aTopicMatchRanksAboveABioMatchAndAnExactTermAboveAPrefix() {
		String tag = tag();
		Account topic = mentor("Tara", "Eins", tag, Map.of("topics", List.of("Karriereplanung")));
		Account bio = mentor("Bruno", "Zwei", tag, Map.of("bio", "Ich helfe bei der Karriereplanung."));
		Account shortTopic = mentor("Clara", "Drei", tag, Map.of("topics", List.of("Karriere")));
		mentor("Dora", "Vier", tag, Map.of("bio", "Nichts davon."));
		Account field = mentor("Fiona", "Fünf", tag, Map.of("fields", List.of("Karriereplanung")));
		Account reader = signUp("Lena", "Sucht", "MENTEE");

		// a field weighs as much as a topic: the tie goes by last name
		assertThat(search(reader, "karriereplanung", tag)).containsExactly(topic.id(), field.id(), bio.id());
		// "karriere": exact in a topic, a prefix of a topic or field, a prefix of a bio
		// word
		assertThat(search(reader, "Karriere", tag)).containsExactly(shortTopic.id(), topic.id(), field.id(), bio.id());
		// two letters: exact terms only, never a prefix
		assertThat(search(reader, "ka", tag)).isEmpty();
	}

	@Test
	void moreMatchedWordsRankHigherThanAStrongerSingleMatch() {
		String tag = tag();
		Account both = mentor("Wanda", "Beides", tag, Map.of("location", "Graz", "bio", "Gern zum Thema Vertrieb."));
		Account topicOnly = mentor("Xaver", "Thema", tag, Map.of("topics", List.of("Vertrieb")));
		Account reader = signUp("Lena", "Sucht", "MENTEE");

		assertThat(search(reader, "vertrieb graz", tag)).containsExactly(both.id(), topicOnly.id());
	}

	@Test
	void caseAccentsAndUmlautsDoNotMatter() {
		String tag = tag();
		Account munich = mentor("Jürgen", "Ort", tag,
				Map.of("location", "München", "topics", List.of("Résumé & Bewerbung")));
		Account withUmlaut = mentor("Ute", "Ü", tag, Map.of("bio", "Früher bei Müller & Söhne, heute Straßenbau."));
		Account spelledOut = mentor("Uwe", "Ue", tag, Map.of("bio", "Früher bei Mueller."));
		Account reader = signUp("Lena", "Sucht", "MENTEE");

		for (String text : List.of("münchen", "MÜNCHEN", "Munchen", "muenchen")) {
			assertThat(search(reader, text, tag)).as(text).containsExactly(munich.id());
		}
		for (String text : List.of("resume", "RÉSUMÉ", "Résumé", "jurgen", "Jürgen", "juergen")) {
			assertThat(search(reader, text, tag)).as(text).containsExactly(munich.id());
		}
		// "Müller" is muller and mueller; "Mueller" only mueller
		assertThat(search(reader, "Müller", tag)).containsExactlyInAnyOrder(withUmlaut.id(), spelledOut.id());
		assertThat(search(reader, "mueller", tag)).containsExactlyInAnyOrder(withUmlaut.id(), spelledOut.id());
		assertThat(search(reader, "muller", tag)).containsExactly(withUmlaut.id());
		assertThat(search(reader, "STRASSENBAU", tag)).containsExactly(withUmlaut.id());
		assertThat(search(reader, "straßenbau", tag)).containsExactly(withUmlaut.id());
	}

	@Test
	void twoLetterTermsMatchExactly() {
		String tag = tag();
		Account it = mentor("Ida", "Technik", tag, Map.of("topics", List.of("IT", "HR"), "bio", "UX und KI."));
		mentor("Italo", "Land", tag, Map.of("location", "Italien", "bio", "Human Resources."));
		Account reader = signUp("Lena", "Sucht", "MENTEE");

		for (String text : List.of("IT", "it", "HR", "ux", "KI", "Ki")) {
			assertThat(search(reader, text, tag)).as(text).containsExactly(it.id());
		}
		// a single letter is no word
		assertThat(search(reader, "I", tag)).isEmpty();
	}

	@Test
	void aTrailingPlusOrHashStaysWithItsWord() {
		String tag = tag();
		Account cpp = mentor("Carl", "Plus", tag, Map.of("topics", List.of("C++")));
		Account csharp = mentor("Cora", "Raute", tag, Map.of("bio", "Backends in C# und F#."));
		Account reader = signUp("Lena", "Sucht", "MENTEE");

		assertThat(search(reader, "c++", tag)).containsExactly(cpp.id());
		assertThat(search(reader, "C#", tag)).containsExactly(csharp.id());
		assertThat(search(reader, "c++ f#", tag)).containsExactly(cpp.id(), csharp.id());
		assertThat(search(reader, "c", tag)).isEmpty();
	}

	@Test
	void theLastNameAndTheEmailAreNeverSearched() {
		String lastName = word();
		Account mentor = mentor("Quirin", lastName, null, Map.of());
		Account reader = signUp("Lena", "Sucht", "MENTEE");
		String localPart = mentor.email().substring(mentor.email().indexOf('.') + 1, mentor.email().indexOf('-'));

		assertThat(search(reader, lastName, null)).isEmpty();
		assertThat(search(reader, localPart, null)).isEmpty();
		// the display name's first name is searched
		String firstName = word();
		update(mentor, Map.of("firstName", firstName));
		assertThat(search(reader, firstName, null)).containsExactly(mentor.id());
		assertThat(search(reader, firstName + " " + lastName, null)).containsExactly(mentor.id());
	}

	@Test
	void searchCombinesWithTheFiltersAndPagesDeterministically() {
		String tag = tag();
		String word = word();
		Account ahrens = mentor("Anna", "Ahrens", tag, Map.of("bio", "Thema " + word));
		Account berger = mentor("Anna", "Berger", tag, Map.of("bio", "Thema " + word));
		Account corvin = mentor("Anna", "Corvin", tag, Map.of("bio", "Thema " + word));
		Account dorn = mentor("Anna", "Dorn", tag, Map.of("bio", "Thema " + word));
		Account eder = mentor("Anna", "Eder", tag, Map.of("bio", "Thema " + word, "mentorAvailable", false));
		mentor("Anna", "Fink", tag, Map.of("bio", "Ein anderes Thema"));
		Account reader = signUp("Lena", "Sucht", "MENTEE");

		// equal relevance: by last name, then id
		var first = page(reader, word, tag, null, 2, null);
		assertThat(ids(first)).containsExactly(ahrens.id(), berger.id());
		first.path("mentors.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		var second = page(reader, word, tag, null, 2,
				first.path("mentors.pageInfo.endCursor").entity(String.class).get());
		assertThat(ids(second)).containsExactly(corvin.id(), dorn.id());
		var third = page(reader, word, tag, null, 2,
				second.path("mentors.pageInfo.endCursor").entity(String.class).get());
		assertThat(ids(third)).containsExactly(eder.id());
		third.path("mentors.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

		// the availability filter; the search as a filter under another order
		assertThat(ids(page(reader, word, tag, false, 10, null))).containsExactly(eder.id());
		assertThat(ids(page(reader, word, tag, true, 10, null))).containsExactly(ahrens.id(), berger.id(), corvin.id(),
				dorn.id());
		var byEngagement = as(reader).document(MENTORS)
			.variable("search", word)
			.variable("orderBy", "MEETINGS_HELD")
			.variable("first", 10)
			.execute();
		assertThat(ids(byEngagement)).containsExactly(ahrens.id(), berger.id(), corvin.id(), dorn.id(), eder.id());

		// beyond the end: an empty page, also for a cursor far beyond it
		for (long offset : new long[] { 4, 1000, Integer.MAX_VALUE, 999_999_999_999_999_999L }) {
			var beyond = page(reader, word, tag, null, 2, cursor(offset));
			assertThat(ids(beyond)).as("offset %d", offset).isEmpty();
			beyond.path("mentors.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		}
	}

	@Test
	void unverifiedSuspendedAndNonMentorsAreNotFound() {
		String word = word();
		Account verified = mentor("Vera", "Sichtbar", null, Map.of("bio", word));
		Account unverified = this.scenarios.signUpUnverified("Ulf", "Unbestaetigt", "MENTOR");
		update(unverified, Map.of("bio", word));
		Account mentee = signUp("Mia", "Mentee", "MENTEE");
		update(mentee, Map.of("bio", word));
		Account suspended = mentor("Susi", "Gesperrt", null, Map.of("bio", word));
		Account admin = admin();
		as(admin)
			.document(
					"mutation($id: ID!) { suspendMember(input: {memberId: $id, reason: \"Spam\"}) { member { id } } }")
			.variable("id", suspended.id())
			.execute()
			.errors()
			.verify();
		Account reader = signUp("Lena", "Sucht", "MENTEE");

		assertThat(search(reader, word, null)).containsExactly(verified.id());

		as(admin).document("mutation($id: ID!) { reactivateMember(input: {memberId: $id}) { member { status } } }")
			.variable("id", suspended.id())
			.execute()
			.errors()
			.verify();
		assertThat(search(reader, word, null)).containsExactlyInAnyOrder(verified.id(), suspended.id());
	}

	@Test
	void aProfileChangeIsSearchedAtOnce() {
		String before = word();
		String after = word();
		Account mentor = mentor("Paula", "Wechsel", null, Map.of("topics", List.of(before)));
		Account reader = signUp("Lena", "Sucht", "MENTEE");
		assertThat(search(reader, before, null)).containsExactly(mentor.id());

		update(mentor, Map.of("topics", List.of(), "location", after));
		assertThat(search(reader, before, null)).isEmpty();
		assertThat(search(reader, after, null)).containsExactly(mentor.id());

		update(mentor, Map.of("location", ""));
		assertThat(search(reader, after, null)).isEmpty();
	}

	@Test
	void badInputIsRefusedOrFindsNobodyWithoutErrors() {
		String tag = tag();
		Account one = mentor("Olga", "Eins", tag, Map.of("bio", "Marketing"));
		Account two = mentor("Otto", "Zwei", tag, Map.of("bio", "Vertrieb"));
		Account reader = signUp("Lena", "Sucht", "MENTEE");

		// empty or blank: no search, the directory as it is
		for (String text : List.of("", "   ")) {
			assertThat(search(reader, text, tag)).as("'%s'", text).containsExactly(one.id(), two.id());
		}
		// operators and wildcards are no words; around a word they are ignored
		for (String text : List.of("%", "_", "*", "+-*\"()~<>@%_\\'", "' or '1'='1", "%%", "a_b")) {
			assertThat(search(reader, text, tag)).as(text).isEmpty();
		}
		for (String text : List.of("+marketing*", "\"Marketing\"", "(marketing) -vertrieb", "marketing%",
				"market_ing")) {
			assertThat(search(reader, text, tag)).as(text).startsWith(one.id());
		}
		assertThat(search(reader, "' or 1=1 --", tag)).isEmpty();

		var tooLong = as(reader).document(MENTORS).variable("search", "x".repeat(201)).execute();
		tooLong.errors()
			.expect((error) -> "SEARCH_TOO_LONG".equals(error.getExtensions().get("code"))
					&& "search".equals(error.getExtensions().get("field")))
			.verify();
		assertThat(search(reader, "x".repeat(200), tag)).isEmpty();
		var tooManyWords = as(reader).document(MENTORS)
			.variable("search", "eins zwei drei vier fünf sechs sieben acht neun")
			.execute();
		tooManyWords.errors()
			.expect((error) -> "SEARCH_TOO_MANY_WORDS".equals(error.getExtensions().get("code"))
					&& "search".equals(error.getExtensions().get("field")))
			.verify();
	}

	@Test
	void aSearchCostsTheSameStatementsForOneAndTwentyMentors() {
		String word = word();
		for (int i = 0; i < 20; i++) {
			mentor("Zora" + i, "Zaehler", null,
					Map.of("topics", List.of(word + " Thema" + i), "bio", "Bio " + word, "languages", List.of("DE")));
		}
		Account reader = signUp("Lena", "Sucht", "MENTEE");
		String query = """
				query($s: String, $n: Int) { mentors(search: $s, first: $n) { edges { node {
				    id displayName topics languages bio location available roles
				} } } }""";
		search(reader, word, null);
		long one = this.statements
			.during(() -> as(reader).document(query)
				.variable("s", word + " thema")
				.variable("n", 1)
				.execute()
				.path("mentors.edges")
				.entityList(Object.class)
				.hasSize(1))
			.size();
		long twenty = this.statements
			.during(() -> as(reader).document(query)
				.variable("s", word + " thema")
				.variable("n", 20)
				.execute()
				.path("mentors.edges")
				.entityList(Object.class)
				.hasSize(20))
			.size();
		assertThat(twenty).isEqualTo(one);
	}

	@Test
	void theBackfillIndexesMembersWithoutTermsOnceAndLeavesTheOthers() throws Exception {
		String topic = word();
		String lastName = word();
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.update(
				"insert into members (id, email, password_hash, first_name, last_name, language, time_zone, bio, location,"
						+ " mentor_available, mentor_capacity, created_at, email_verified_at, version)"
						+ " values (?, ?, 'x', 'Berta', ?, 'DE', 'Europe/Vienna', 'Früher Lehrerin', 'Linz', true, 1, ?, ?, 0)",
				id.toString(), id + "@seed.test", lastName, now, now);
		this.jdbc.update("insert into member_roles (member_id, role) values (?, 'MENTOR')", id.toString());
		this.jdbc.update("insert into member_topics (member_id, position, topic) values (?, 0, ?)", id.toString(),
				"Thema " + topic);
		this.jdbc.update("insert into member_fields (member_id, position, field) values (?, 0, 'Bildungswesen')",
				id.toString());
		Account reader = signUp("Lena", "Sucht", "MENTEE");
		assertThat(search(reader, topic, null)).isEmpty();
		assertThat(this.flyway.info().applied())
			.filteredOn((migration) -> "31".equals(migration.getVersion().getVersion()))
			.extracting(MigrationInfo::getScript, MigrationInfo::getState)
			.as("Flyway ran the backfill bean as V31")
			.containsExactly(tuple(V31__search_terms_of_existing_members.class.getName(), MigrationState.SUCCESS));

		backfill();
		assertThat(search(reader, topic, null)).containsExactly(id);
		assertThat(search(reader, "fruher lehrerin " + topic, null)).startsWith(id);
		assertThat(search(reader, lastName, null)).isEmpty();
		List<Map<String, Object>> terms = this.jdbc.queryForList(
				"select term, source, weight from member_search_terms where member_id = ? order by term",
				id.toString());
		assertThat(terms).extracting((row) -> row.get("term"))
			.containsExactly("berta", "bildungswesen", "frueher", "fruher", "lehrerin", "linz", "thema", topic);

		backfill();
		assertThat(this.jdbc.queryForList(
				"select term, source, weight from member_search_terms where member_id = ?" + " order by term",
				id.toString()))
			.isEqualTo(terms);
	}

	// helpers

	private void backfill() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			this.backfill.migrate(new Context() {

				@Override
				public Configuration getConfiguration() {
					return null;
				}

				@Override
				public Connection getConnection() {
					return connection;
				}

			});
		}
	}

	private Account mentor(String firstName, String lastName, String tag, Map<String, Object> profile) {
		Account mentor = signUp(firstName, lastName, "MENTOR");
		Map<String, Object> input = new HashMap<>(profile);
		if (tag != null) {
			@SuppressWarnings("unchecked")
			List<String> topics = (List<String>) profile.getOrDefault("topics", List.of());
			input.put("topics",
					java.util.stream.Stream.concat(topics.stream(), java.util.stream.Stream.of(tag)).toList());
		}
		if (!input.isEmpty()) {
			update(mentor, input);
		}
		return mentor;
	}

	private void update(Account member, Map<String, Object> input) {
		as(member).document("mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { me { id } } }")
			.variable("input", input)
			.execute()
			.errors()
			.verify();
	}

	private List<UUID> search(Account reader, String text, String tag) {
		return ids(page(reader, text, tag, null, 50, null));
	}

	private GraphQlTester.Response page(Account reader, String text, String tag, Boolean available, int first,
			String after) {
		return as(reader).document(MENTORS)
			.variable("search", text)
			.variable("topic", tag)
			.variable("available", available)
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	private static List<UUID> ids(GraphQlTester.Response response) {
		return response.path("mentors.edges[*].node.id").entityList(UUID.class).get();
	}

	/** A topic that tags one test's mentors. */
	private static String tag() {
		return "tag-" + UUID.randomUUID();
	}

	/** A made-up word no other profile has (letters and digits: one term). */
	private static String word() {
		return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	/** A cursor of the directory's offset paging, as a client could make one up. */
	private static String cursor(long offset) {
		return java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("1:o:" + offset).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
