package at.alma.mentoring.wiki;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.DomainEvents;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class WikiApiTests extends ApiTest {

	private static final String ARTICLE_FIELDS = "id title body topics revisionCount createdAt revisedAt author { id displayName } averageRating ratingCount myRating currentRevision { id number author { displayName } }";

	@Autowired
	DomainEvents events;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void keepsEveryRevisionWithAuthorAndTime() {
		Account anna = signUp("Anna", "Kofler", "MENTOR");
		Account ben = signUp("Ben", "Lindner", "MENTEE");
		String markdown = "# Feedback geben\n\n  * konkret\n  * zeitnah\n\n<script>alert('x')</script>\n";
		UUID id = createOk(anna, "Feedback geben", markdown, List.of("Kommunikation", "Führung"));

		var revised = revise(ben, id, "Feedback geben und nehmen", markdown + "\nAuch: zuhören.\n", null,
				"Zuhören ergänzt", 1);
		revised.path("reviseArticle.article.revisionCount").entity(Integer.class).isEqualTo(2);
		revised.path("reviseArticle.article.author.displayName").entity(String.class).isEqualTo("Anna K.");
		revised.path("reviseArticle.article.currentRevision.author.displayName")
			.entity(String.class)
			.isEqualTo("Ben L.");
		// topics absent: kept
		revised.path("reviseArticle.article.topics")
			.entityList(String.class)
			.containsExactly("Kommunikation", "Führung");
		revise(anna, id, "Feedback geben und nehmen", "Kurz: konkret, zeitnah, zuhören.", List.of("Kommunikation"),
				null, null)
			.path("reviseArticle.article.revisionCount")
			.entity(Integer.class)
			.isEqualTo(3);

		var article = as(ben).document(
				"""
						query($id: ID!) { article(id: $id) { title body topics revisionCount currentRevision { number }
						  revisions { edges { node { number title body topics note createdAt author { id displayName } } } } } }""")
			.variable("id", id)
			.execute();
		article.path("article.title").entity(String.class).isEqualTo("Feedback geben und nehmen");
		article.path("article.body").entity(String.class).isEqualTo("Kurz: konkret, zeitnah, zuhören.");
		article.path("article.currentRevision.number").entity(Integer.class).isEqualTo(3);
		article.path("article.revisions.edges[*].node.number").entityList(Integer.class).containsExactly(3, 2, 1);
		article.path("article.revisions.edges[*].node.author.displayName")
			.entityList(String.class)
			.containsExactly("Anna K.", "Ben L.", "Anna K.");
		article.path("article.revisions.edges[*].node.author.id")
			.entityList(String.class)
			.containsExactly(anna.id().toString(), ben.id().toString(), anna.id().toString());
		article.path("article.revisions.edges[1].node.note").entity(String.class).isEqualTo("Zuhören ergänzt");
		// the body comes back exactly as written: never rendered, never sanitised away
		article.path("article.revisions.edges[2].node.body").entity(String.class).isEqualTo(markdown);
		article.path("article.revisions.edges[2].node.topics")
			.entityList(String.class)
			.containsExactly("Kommunikation", "Führung");
		article.path("article.revisions.edges[0].node.topics")
			.entityList(String.class)
			.containsExactly("Kommunikation");
		assertThat(revisionRows(id)).isEqualTo(3);
	}

	@Test
	void pagesThroughTheHistory() {
		Account author = signUp("Clara", "Moser", "MENTOR");
		UUID id = createOk(author, "Paging", "v1", List.of());
		for (int i = 2; i <= 5; i++) {
			revise(author, id, "Paging", "v" + i, null, null, null).path("reviseArticle.article.id").hasValue();
		}
		String query = """
				query($id: ID!, $after: String) { article(id: $id) {
				  revisions(first: 2, after: $after) { edges { node { number } } pageInfo { hasNextPage endCursor } } } }""";
		List<Integer> seen = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 3; page++) {
			var response = as(author).document(query).variable("id", id).variable("after", after).execute();
			seen.addAll(response.path("article.revisions.edges[*].node.number").entityList(Integer.class).get());
			after = response.path("article.revisions.pageInfo.endCursor").entity(String.class).get();
			response.path("article.revisions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(page < 2);
		}
		assertThat(seen).containsExactly(5, 4, 3, 2, 1);
		expectCode(as(author)
			.document("query($id: ID!) { article(id: $id) { revisions(first: 101) { edges { node { number } } } } }")
			.variable("id", id)
			.execute(), "INVALID_INPUT");
	}

	@Test
	void averagesRatingsAndRatingAgainChangesTheRating() {
		Account author = signUp("Dora", "Novak", "MENTOR");
		Account ben = signUp("Ben", "Ortner", "MENTEE");
		Account cleo = signUp("Cleo", "Pauli", "MENTEE");
		UUID id = createOk(author, "Mentoring in drei Schritten", "1. Ziel\n2. Plan\n3. Tun", List.of("Mentoring"));
		article(author, id).path("article.averageRating")
			.valueIsNull()
			.path("article.ratingCount")
			.entity(Integer.class)
			.isEqualTo(0);

		rate(ben, id, 4).path("rateArticle.article.myRating").entity(Integer.class).isEqualTo(4);
		rate(cleo, id, 5).path("rateArticle.article.averageRating").entity(Double.class).isEqualTo(4.5);
		var changed = rate(ben, id, 2);
		changed.path("rateArticle.article.ratingCount").entity(Integer.class).isEqualTo(2);
		changed.path("rateArticle.article.averageRating").entity(Double.class).isEqualTo(3.5);
		changed.path("rateArticle.article.myRating").entity(Integer.class).isEqualTo(2);
		assertThat(ratingRows(id)).isEqualTo(2);

		article(author, id).path("article.myRating")
			.valueIsNull()
			.path("article.ratingCount")
			.entity(Integer.class)
			.isEqualTo(2);
		article(cleo, id).path("article.myRating").entity(Integer.class).isEqualTo(5);
	}

	@Test
	void refusesRatingOnesOwnArticle() {
		Account author = signUp("Emil", "Quast", "MENTOR");
		UUID id = createOk(author, "Eigenlob", "stinkt", List.of());
		expectCode(rate(author, id, 5), "OWN_ARTICLE");
		assertThat(ratingRows(id)).isZero();
	}

	@Test
	void refusesInvalidInputAndStoresNothing() {
		Account author = signUp("Fiona", "Rainer", "MENTOR");
		Account reader = signUp("Gabi", "Sommer", "MENTEE");
		UUID id = createOk(author, "Gültig", "Ein Text", List.of("A"));
		long[] before = footprint();

		expectInvalid(create(author, " ", "body", List.of()), "input.title");
		expectInvalid(create(author, "x".repeat(201), "body", List.of()), "input.title");
		expectInvalid(create(author, "Titel", "", List.of()), "input.body");
		expectInvalid(create(author, "Titel", " \n ", List.of()), "input.body");
		expectInvalid(create(author, "Titel", "x".repeat(100_001), List.of()), "input.body");
		expectInvalid(create(author, "Titel", "body", topics(11)), "input.topics");
		expectInvalid(create(author, "Titel", "body", List.of("x".repeat(61))), "input.topics");
		expectInvalid(create(author, "Titel", "body", List.of(" ")), "input.topics");
		expectInvalid(revise(reader, id, "", "body", null, null, null), "input.title");
		expectInvalid(revise(reader, id, "Titel", "body", null, "n".repeat(501), null), "input.note");
		expectCode(revise(reader, id, "Gültig", "Ein Text", null, "nichts geändert", null), "NO_CHANGES");
		expectCode(revise(reader, id, "Neu", "Ein Text", null, null, 7), "REVISION_OUTDATED");
		expectCode(revise(reader, UUID.randomUUID(), "Neu", "Ein Text", null, null, null), "NOT_FOUND");
		expectInvalid(rate(reader, id, 0), "input.stars");
		expectInvalid(rate(reader, id, 6), "input.stars");
		expectCode(rate(reader, UUID.randomUUID(), 3), "NOT_FOUND");
		expectCode(as(reader).document("query($id: ID!) { article(id: $id) { id } }")
			.variable("id", UUID.randomUUID())
			.execute(), "NOT_FOUND");
		expectInvalid(as(reader).document("query($s: String) { articles(search: $s) { edges { node { id } } } }")
			.variable("s", "s".repeat(201))
			.execute(), "search");
		assertThat(footprint()).containsExactly(before);

		// the limits themselves are accepted (a 100,000-character body needs more than
		// MySQL's TEXT)
		String longBody = "ä".repeat(100_000);
		UUID big = createOk(author, "t".repeat(200), longBody, topics(10));
		article(reader, big).path("article.body").entity(String.class).isEqualTo(longBody);
	}

	@Test
	void anonymousCallersAreRefused() {
		Account author = signUp("Hans", "Tauber", "MENTOR");
		UUID id = createOk(author, "Nur für Mitglieder", "Text", List.of());
		long[] before = footprint();
		for (var document : List.of("{ articles { edges { node { id } } } }",
				"{ article(id: \"" + id + "\") { id title } }",
				"mutation { createArticle(input: {title: \"T\", body: \"B\"}) { article { id } } }",
				"mutation { reviseArticle(input: {articleId: \"" + id
						+ "\", title: \"T\", body: \"B\"}) { article { id } } }",
				"mutation { rateArticle(input: {articleId: \"" + id + "\", stars: 3}) { article { id } } }")) {
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
	void searchesTitleAndBodyIgnoringCaseAndFiltersByTopic() {
		Account author = signUp("Ida", "Urban", "MENTOR");
		String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
		UUID inTitle = createOk(author, "Über " + tag.toUpperCase() + " sprechen", "Text", List.of("Karriere"));
		UUID inBody = createOk(author, "Zweiter", "Hier steht " + tag + "x im Text", List.of("karriere", tag));
		UUID neither = createOk(author, "Dritter", "Nichts davon", List.of(tag + "-other"));
		UUID wildcard = createOk(author, "Vierter", tag + "_literal und 100% sicher", List.of(tag));

		assertThat(ids(author, tag, null)).containsExactlyInAnyOrder(inTitle, inBody, wildcard);
		assertThat(ids(author, tag.toUpperCase() + "X", null)).containsExactly(inBody);
		// % and _ are searched for as written, not as wildcards
		assertThat(ids(author, tag + "_", null)).containsExactly(wildcard);
		assertThat(ids(author, tag + "%", null)).isEmpty();
		assertThat(ids(author, null, tag.toUpperCase())).containsExactlyInAnyOrder(inBody, wildcard);
		assertThat(ids(author, "Text", tag)).containsExactly(inBody);
		assertThat(ids(author, null, tag + "-other")).containsExactly(neither);
	}

	@Test
	void listsNewestFirstInPages() {
		Account author = signUp("Jana", "Vogel", "MENTOR");
		String topic = "paging-" + UUID.randomUUID();
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<UUID> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			this.clock.setTo(start.plus(Duration.ofMinutes(i)));
			created.add(createOk(author, "Artikel " + i, "Text " + i, List.of(topic)));
		}
		String query = """
				query($topic: String, $after: String) { articles(topic: $topic, first: 2, after: $after) {
				  edges { node { id } } pageInfo { hasNextPage endCursor } } }""";
		List<UUID> seen = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 3; page++) {
			var response = as(author).document(query).variable("topic", topic).variable("after", after).execute();
			response.path("articles.edges[*].node.id")
				.entityList(String.class)
				.get()
				.forEach((id) -> seen.add(UUID.fromString(id)));
			after = response.path("articles.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(seen).containsExactly(created.get(4), created.get(3), created.get(2), created.get(1),
				created.get(0));
	}

	@Test
	void announcesCreatedRevisedAndRated() {
		Account author = signUp("Karl", "Wimmer", "MENTOR");
		Account editor = signUp("Lena", "Xaver", "MENTEE");
		UUID id = createOk(author, "Ereignisse", "v1", List.of());
		String revisionId = revise(editor, id, "Ereignisse", "v2", null, null, null)
			.path("reviseArticle.article.currentRevision.id")
			.entity(String.class)
			.get();
		rate(editor, id, 4).path("rateArticle.article.id").hasValue();

		assertThat(this.events.of(ArticleCreated.class).filter((e) -> e.articleId().equals(id)))
			.containsExactly(new ArticleCreated(id, author.id()));
		assertThat(this.events.of(ArticleRevised.class).filter((e) -> e.articleId().equals(id)))
			.containsExactly(new ArticleRevised(id, UUID.fromString(revisionId), editor.id()));
		assertThat(this.events.of(ArticleRated.class).filter((e) -> e.articleId().equals(id)))
			.containsExactly(new ArticleRated(id, editor.id(), 4));
	}

	@Test
	void listCostsTheSameNumberOfQueriesForMoreArticles() {
		Account reader = signUp("Mia", "Yilmaz", "MENTEE");
		String topic = "n-plus-one-" + UUID.randomUUID();
		String query = "query($t: String) { articles(topic: $t, first: 50) { edges { node { " + ARTICLE_FIELDS
				+ " } } } }";
		addRatedArticles(reader, topic, 2);
		long few = statements(() -> as(reader).document(query).variable("t", topic).execute());
		addRatedArticles(reader, topic, 6);
		long many = statements(() -> as(reader).document(query)
			.variable("t", topic)
			.execute()
			.path("articles.edges")
			.entityList(Object.class)
			.hasSize(8));
		assertThat(few).isPositive();
		assertThat(many).isEqualTo(few);
	}

	private void addRatedArticles(Account reader, String topic, int count) {
		for (int i = 0; i < count; i++) {
			Account author = signUp("Autor" + i, "Zach", "MENTOR");
			UUID id = createOk(author, "Artikel " + i, "Text", List.of(topic));
			revise(reader, id, "Artikel " + i, "Text, überarbeitet", null, null, null).path("reviseArticle.article.id")
				.hasValue();
			rate(reader, id, 1 + i % 5).path("rateArticle.article.id").hasValue();
		}
	}

	/** JDBC statements Hibernate prepares while the request runs. */
	private long statements(Supplier<?> request) {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		boolean enabled = statistics.isStatisticsEnabled();
		statistics.setStatisticsEnabled(true);
		try {
			statistics.clear();
			request.get();
			return statistics.getPrepareStatementCount();
		}
		finally {
			statistics.setStatisticsEnabled(enabled);
		}
	}

	private GraphQlTester.Response create(Account author, String title, String body, List<String> topics) {
		return as(author)
			.document("mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { "
					+ ARTICLE_FIELDS + " } } }")
			.variable("input", Map.of("title", title, "body", body, "topics", topics))
			.execute();
	}

	private UUID createOk(Account author, String title, String body, List<String> topics) {
		var response = create(author, title, body, topics);
		response.path("createArticle.article.revisionCount").entity(Integer.class).isEqualTo(1);
		return UUID.fromString(response.path("createArticle.article.id").entity(String.class).get());
	}

	private GraphQlTester.Response revise(Account editor, UUID id, String title, String body, List<String> topics,
			String note, Integer baseRevision) {
		Map<String, Object> input = new HashMap<>();
		input.put("articleId", id);
		input.put("title", title);
		input.put("body", body);
		input.put("topics", topics);
		input.put("note", note);
		input.put("baseRevision", baseRevision);
		return as(editor)
			.document("mutation($input: ReviseArticleInput!) { reviseArticle(input: $input) { article { "
					+ ARTICLE_FIELDS + " } } }")
			.variable("input", input)
			.execute();
	}

	private GraphQlTester.Response rate(Account rater, UUID id, int stars) {
		return as(rater)
			.document("mutation($id: ID!, $stars: Int!) { rateArticle(input: {articleId: $id, stars: $stars}) { "
					+ "article { " + ARTICLE_FIELDS + " } } }")
			.variable("id", id)
			.variable("stars", stars)
			.execute();
	}

	private GraphQlTester.Response article(Account reader, UUID id) {
		return as(reader).document("query($id: ID!) { article(id: $id) { " + ARTICLE_FIELDS + " } }")
			.variable("id", id)
			.execute();
	}

	private List<UUID> ids(Account reader, String search, String topic) {
		return as(reader)
			.document("query($s: String, $t: String) { articles(search: $s, topic: $t, first: 100) "
					+ "{ edges { node { id } } } }")
			.variable("s", search)
			.variable("t", topic)
			.execute()
			.path("articles.edges[*].node.id")
			.entityList(String.class)
			.get()
			.stream()
			.map(UUID::fromString)
			.toList();
	}

	private static List<String> topics(int count) {
		List<String> topics = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			topics.add("Thema " + i);
		}
		return topics;
	}

	private long revisionRows(UUID articleId) {
		return this.jdbc.queryForObject("select count(*) from wiki_revisions where article_id = ?", Long.class,
				articleId.toString());
	}

	private long ratingRows(UUID articleId) {
		return this.jdbc.queryForObject("select count(*) from wiki_ratings where article_id = ?", Long.class,
				articleId.toString());
	}

	private long[] footprint() {
		return new long[] { count("wiki_articles"), count("wiki_revisions"), count("wiki_article_topics"),
				count("wiki_revision_topics"), count("wiki_ratings") };
	}

}
