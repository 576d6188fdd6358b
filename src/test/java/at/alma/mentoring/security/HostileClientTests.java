package at.alma.mentoring.security;

import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile client may send to {@code /graphql} and what it gets: operation limits
 * (fields and aliases, cost, query length), the body size limit, page-size caps on every
 * connection, no execution for GET or form/text posts, CORS for configured origins only.
 */
class HostileClientTests extends GraphQlCalls {

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void anAliasFloodOfTypenamesIsRefusedBeforeAnyResolverRuns() {
		Account member = signUp("Alias", "Flood", "MENTEE");
		StringBuilder query = new StringBuilder("{ ");
		for (int i = 0; i < 301; i++) {
			query.append("a").append(i).append(": __typename ");
		}
		Map<String, Object> response = call(member.token(), query.append("}").toString(), Map.of());
		assertThat(codes(response)).containsExactly("QUERY_TOO_MANY_FIELDS");
		assertThat(response.get("data")).isNull();
	}

	@Test
	void aFloodOfAliasedResolversIsRefusedAndNothingRuns() {
		Account member = signUp("Alias", "Writer", "MENTEE");
		long articles = count("wiki_articles");
		StringBuilder query = new StringBuilder("mutation { ");
		for (int i = 0; i < 160; i++) {
			query.append("a").append(i).append(": createArticle(input: {title: \"t\", body: \"b\"}) { __typename } ");
		}
		Map<String, Object> response = call(member.token(), query.append("}").toString(), Map.of());
		assertThat(codes(response)).containsExactly("QUERY_TOO_MANY_FIELDS");
		assertThat(count("wiki_articles")).isEqualTo(articles);
	}

	@Test
	void nestedFullPagesAreTooCostly() {
		Account member = signUp("Cost", "Ly", "MENTEE");
		Map<String, Object> response = call(member.token(), """
				{ myMentorships(first: 100) { edges { node { id messages(first: 100) { edges { node { id text
				sender { id firstName } } } } } } } }""", Map.of());
		assertThat(codes(response)).containsExactly("QUERY_TOO_COSTLY");
	}

	@Test
	void everydayQueriesStayWithinTheLimits() {
		Account member = signUp("Every", "Day", "MENTEE");
		Map<String, Object> response = call(member.token(),
				"""
						{ me { id firstName declineTemplate calendarFeedUrl feedbackRequests { id } }
						  myMentorships(first: 20) { edges { node { id status mentee { id } mentor { id }
						    agreement { version topics } meetings { id slots { startsAt } } messages(first: 20) { edges { node { id text } } } } } }
						  myTasks(first: 20) { edges { node { id kind mentorship { id } } } } }""",
				Map.of());
		assertThat(errors(response)).isEmpty();
	}

	@Test
	void anOversizedQueryTextIsRefused() {
		Account member = signUp("Long", "Query", "MENTEE");
		String query = "{ __typename }\n#" + "x".repeat(70_000);
		assertThat(codes(call(member.token(), query, Map.of()))).containsExactly("DOCUMENT_TOO_LARGE");
	}

	@Test
	void anOversizedBodyIsRefusedWith413() {
		String huge = "x".repeat(1_100_000);
		http().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "query($v: String) { __typename }", "variables", Map.of("v", huge)))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("REQUEST_TOO_LARGE");
	}

	@Test
	void aLongWikiArticleStillFitsTheBodyLimit() {
		Account member = signUp("Long", "Article", "MENTEE");
		Map<String, Object> response = call(member.token(),
				"mutation($b: String!) { createArticle(input: {title: \"Long\", body: $b}) { article { id } } }",
				Map.of("b", "ä".repeat(100_000)));
		assertThat(errors(response)).isEmpty();
	}

	@Test
	void everyConnectionRefusesPagesOverTheCap() {
		Account member = signUp("Page", "Cap", "MENTEE", "MENTOR");
		UUID group = UUID.fromString(
				at(call(member.token(), "mutation($n: String!) { createGroup(input: {name: $n}) { group { id } } }",
						Map.of("n", "Cap " + UUID.randomUUID())), "createGroup.group.id"));
		UUID article = UUID.fromString(at(
				call(member.token(),
						"mutation { createArticle(input: {title: \"C\", body: \"B\"}) { article { id } } }", Map.of()),
				"createArticle.article.id"));
		Account mentor = signUp("Page", "Mentor", "MENTOR");
		UUID mentorship = UUID.fromString(at(call(member.token(),
				"mutation($id: ID!) { requestMentorship(input: {mentorId: $id}) { mentorship { id } } }",
				Map.of("id", mentor.id())), "requestMentorship.mentorship.id"));
		Map<String, String> queries = new java.util.HashMap<>(Map.of("Query.mentors",
				"{ mentors(first: 101) { edges { cursor } } }", "Query.myMentorships",
				"{ myMentorships(first: 101) { edges { cursor } } }", "Query.myTasks",
				"{ myTasks(first: 101) { edges { cursor } } }", "Query.articles",
				"{ articles(first: 101) { edges { cursor } } }", "Query.groups",
				"{ groups(first: 101) { edges { cursor } } }", "Group.members",
				"{ group(id: \"" + group + "\") { members(first: 101) { edges { cursor } } } }", "Article.revisions",
				"{ article(id: \"" + article + "\") { revisions(first: 101) { edges { cursor } } } }",
				"Mentorship.messages",
				"{ mentorship(id: \"" + mentorship + "\") { messages(first: 101) { edges { cursor } } } }"));
		queries.put("MyAchievements.items", "{ me { achievements { items(first: 101) { edges { cursor } } } } }");
		queries.put("Query.feedbackRequests", "{ feedbackRequests(first: 101) { edges { cursor } } }");
		queries.put("Query.stalledMentorships",
				"{ stalledMentorships(olderThan: \"P7D\", first: 101) { edges { cursor } } }");
		queries.put("Query.members", "{ members(first: 101) { edges { cursor } } }");
		queries.put("Query.adminActions", "{ adminActions(first: 101) { edges { cursor } } }");
		queries.put("Query.disputedMeetings", "{ disputedMeetings(first: 101) { edges { cursor } } }");
		java.util.Set<String> forAdmins = java.util.Set.of("Query.feedbackRequests", "Query.stalledMentorships",
				"Query.members", "Query.adminActions", "Query.disputedMeetings");
		assertThat(queries.keySet()).as("every connection field of the schema has a case here")
			.containsExactlyInAnyOrderElementsOf(connectionFields());
		// each called by someone allowed to call it: the admins' query by an admin
		String admin = admin().token();
		queries.forEach((field,
				query) -> assertThat(codes(call(forAdmins.contains(field) ? admin : member.token(), query, Map.of())))
					.as(field)
					.containsExactly("INVALID_INPUT"));
	}

	@Test
	void getMutationsAndNonJsonPostsDoNotExecute() {
		// a GET runs queries only (GraphQL over HTTP): a cross-site link cannot change
		// anything
		Account member = signUp("Cross", "Site", "MENTEE");
		http().get()
			.uri("/graphql?query={q}", "mutation { rotateCalendarFeed { calendarFeedUrl } }")
			.header("Authorization", "Bearer " + member.token())
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		as(member).document("{ me { calendarFeedUrl } }").execute().path("me.calendarFeedUrl").valueIsNull();
		http().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("query=%7B__typename%7D")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		http().post()
			.uri("/graphql")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("{\"query\":\"{__typename}\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		http().post()
			.uri("/graphql")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.bodyValue(new org.springframework.util.LinkedMultiValueMap<>(
					Map.of("query", java.util.List.of("{__typename}"))))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void aSubscriptionPostedOverHttpIsRefused() {
		Account member = signUp("Sub", "Http", "MENTEE");
		assertThat(codes(call(member.token(),
				"subscription { messageAdded(mentorshipId: \"" + UUID.randomUUID() + "\") { id } }", Map.of())))
			.containsExactly("SUBSCRIPTION_NEEDS_WEBSOCKET");
	}

	@Test
	void corsPreflightOnlyForConfiguredOrigins() {
		http().method(HttpMethod.OPTIONS)
			.uri("/graphql")
			.header("Origin", "http://localhost:5173")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "http://localhost:5173");
		http().method(HttpMethod.OPTIONS)
			.uri("/graphql")
			.header("Origin", "https://evil.example.org")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin");
		http().post()
			.uri("/graphql")
			.header("Origin", "https://evil.example.org")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ __typename }"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private java.util.Set<String> connectionFields() {
		var names = new TreeSet<String>();
		for (GraphQLNamedType type : this.graphQlSource.schema().getAllTypesAsList()) {
			if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
				for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
					if (((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType())).getName()
						.endsWith("Connection")) {
						names.add(object.getName() + "." + field.getName());
					}
				}
			}
		}
		return names;
	}

}
