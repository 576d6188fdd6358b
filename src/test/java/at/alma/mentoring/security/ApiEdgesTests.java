package at.alma.mentoring.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges of the API as an end-to-end run found them: damaged, foreign and negative
 * paging arguments on every connection, cursors that say nothing about the server.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiEdgesTests extends GraphQlCalls {

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void everyConnectionRefusesDamagedAndForeignCursorsAndNegativePageSizes(CapturedOutput output) {
		Account member = signUp("Edge", "Walker", "MENTEE", "MENTOR");
		Account mentor = signUp("Edge", "Mentor", "MENTOR");
		UUID mentorship = active(member, mentor);
		UUID group = UUID.fromString(
				at(call(member.token(), "mutation($n: String!) { createGroup(input: {name: $n}) { group { id } } }",
						Map.of("n", "Edges " + UUID.randomUUID())), "createGroup.group.id"));
		UUID article = UUID.fromString(at(
				call(member.token(),
						"mutation { createArticle(input: {title: \"E\", body: \"B\"}) { article { id } } }", Map.of()),
				"createArticle.article.id"));
		String chatCursor = chatCursor(member, mentorship);
		String offsetCursor = at(call(member.token(), "{ mentors(first: 1) { pageInfo { endCursor } } }", Map.of()),
				"mentors.pageInfo.endCursor");
		Map<String, String> connections = new HashMap<>();
		connections.put("Query.mentors", "{ mentors(%s) { edges { cursor } } }");
		connections.put("Query.myMentorships", "{ myMentorships(%s) { edges { cursor } } }");
		connections.put("Query.myTasks", "{ myTasks(%s) { edges { cursor } } }");
		connections.put("Query.articles", "{ articles(%s) { edges { cursor } } }");
		connections.put("Query.groups", "{ groups(%s) { edges { cursor } } }");
		connections.put("Group.members", "{ group(id: \"" + group + "\") { members(%s) { edges { cursor } } } }");
		connections.put("Article.revisions",
				"{ article(id: \"" + article + "\") { revisions(%s) { edges { cursor } } } }");
		connections.put("Mentorship.messages",
				"{ mentorship(id: \"" + mentorship + "\") { messages(%s) { edges { cursor } } } }");
		connections.put("MyAchievements.items", "{ me { achievements { items(%s) { edges { cursor } } } } }");
		connections.put("Query.feedbackRequests", "{ feedbackRequests(%s) { edges { cursor } } }");
		connections.put("Query.stalledMentorships",
				"{ stalledMentorships(olderThan: \"P7D\", %s) { edges { cursor } } }");
		connections.put("Query.members", "{ members(%s) { edges { cursor } } }");
		connections.put("Query.adminActions", "{ adminActions(%s) { edges { cursor } } }");
		connections.put("Query.disputedMeetings", "{ disputedMeetings(%s) { edges { cursor } } }");
		java.util.Set<String> forAdmins = java.util.Set.of("Query.feedbackRequests", "Query.stalledMentorships",
				"Query.members", "Query.adminActions", "Query.disputedMeetings");
		assertThat(connections.keySet()).as("every connection field of the schema has a case here")
			.containsExactlyInAnyOrderElementsOf(connectionFields());
		String admin = admin().token();
		connections.forEach((field, query) -> {
			String token = forAdmins.contains(field) ? admin : member.token();
			String foreign = field.equals("Mentorship.messages") ? offsetCursor : chatCursor;
			for (String after : List.of("!!", "", offsetCursor.substring(0, offsetCursor.length() - 2),
					chatCursor.substring(0, chatCursor.length() - 3), foreign, "T18xMA==")) {
				assertThat(invalidFields(call(token, "query($after: String) " + query.formatted("after: $after"),
						Map.of("after", after))))
					.as(field + " after " + after)
					.containsExactly("after");
			}
			assertThat(invalidFields(call(token, query.formatted("first: -1"), Map.of()))).as(field + " first -1")
				.containsExactly("first");
		});
		// answered as the client's mistake: no ERROR line with a stack trace per alias
		assertThat(output.getOut()).doesNotContain("Unresolved").doesNotContain("Failed to parse cursor");
	}

	@Test
	void aUrlTheFirewallRejectsAnswers400WithoutAStackTrace(CapturedOutput output) {
		http().get().uri("/engine-rest;x=y/user").exchange().expectStatus().isBadRequest();
		http().get().uri("/graphql;x=y").exchange().expectStatus().isBadRequest();
		assertThat(output.getOut()).doesNotContain("RequestRejectedException");
	}

	@Test
	void cursorsNameNoJavaClassAndLeadToTheNextPage() {
		Account member = signUp("Opaque", "Cursor", "MENTEE");
		Account mentor = signUp("Opaque", "Mentor", "MENTOR");
		UUID mentorship = active(member, mentor);
		String cursor = chatCursor(member, mentorship);
		String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		assertThat(decoded).startsWith("1:k:").doesNotContain("java").doesNotContain("@class");
		Map<String, Object> older = call(member.token(),
				"query($id: ID!, $after: String) { mentorship(id: $id) { messages(first: 1, after: $after) "
						+ "{ edges { node { text } } } } }",
				Map.of("id", mentorship, "after", cursor));
		assertThat(errors(older)).isEmpty();
		assertThat((List<?>) at(older, "mentorship.messages.edges")).hasSize(1);
	}

	/** Two messages, and the cursor of the newest. */
	private String chatCursor(Account member, UUID mentorship) {
		for (String text : List.of("first", "second")) {
			assertThat(errors(call(member.token(),
					"mutation($id: ID!, $t: String!) { sendMessage(input: {mentorshipId: $id, text: $t}) "
							+ "{ message { id } } }",
					Map.of("id", mentorship, "t", text))))
				.isEmpty();
		}
		return at(call(member.token(),
				"query($id: ID!) { mentorship(id: $id) { messages(first: 1) { pageInfo { endCursor } } } }",
				Map.of("id", mentorship)), "mentorship.messages.pageInfo.endCursor");
	}

	@SuppressWarnings("unchecked")
	private static List<Object> invalidFields(Map<String, Object> response) {
		return errors(response).stream()
			.map((error) -> (Map<String, Object>) error.getOrDefault("extensions", Map.of()))
			.map((extensions) -> "INVALID_INPUT".equals(extensions.get("code")) ? extensions.get("field")
					: extensions.get("code"))
			.toList();
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
