package at.alma.mentoring.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a signed-in (or signing-up) member could send to harm others: control characters
 * in one-line texts, which would break into calendar properties, mail headers and CSV
 * cells.
 */
class HostileMemberTests extends GraphQlCalls {

	private static final String SIGN_UP = """
			mutation($first: String!) { signUp(input: {email: "%s", password: "correct horse battery",
			  firstName: $first, lastName: "Ok", roles: [MENTEE]}) { token } }""";

	@Test
	void namesWithControlCharactersOrLoneSurrogatesAreRefused() {
		for (String name : List.of("Rolf\r\nATTENDEE:mailto:evil@evil.test", "Nul\u0000", "Tab\tbed", "Half\uD800",
				"\uDC00Low")) {
			Map<String, Object> response = call(null, SIGN_UP.formatted("cc." + UUID.randomUUID() + "@alma.test"),
					Map.of("first", name));
			assertThat(invalidFields(response)).as(name).containsExactly("input.firstName");
		}
		Map<String, Object> fine = call(null, SIGN_UP.formatted("cc." + UUID.randomUUID() + "@alma.test"),
				Map.of("first", "Zoë 😀 O'Brien-Łukasz"));
		assertThat(errors(fine)).isEmpty();
	}

	@Test
	void everyOneLineTextRefusesControlCharacters() {
		Account member = signUp("One", "Line", "MENTEE");
		Map<String, String> cases = Map.of("input.lastName",
				"mutation($v: String!) { updateProfile(input: {lastName: $v}) { me { id } } }", "input.location",
				"mutation($v: String!) { updateProfile(input: {location: $v}) { me { id } } }", "input.topics[0]",
				"mutation($v: String!) { updateProfile(input: {topics: [$v]}) { me { id } } }", "input.title",
				"mutation($v: String!) { createArticle(input: {title: $v, body: \"b\"}) { article { id } } }",
				"input.topics[0]@article",
				"mutation($v: String!) { createArticle(input: {title: \"t\", body: \"b\", topics: [$v]}) { article { id } } }",
				"input.name", "mutation($v: String!) { createGroup(input: {name: $v}) { group { id } } }");
		cases.forEach((field,
				mutation) -> assertThat(invalidFields(call(member.token(), mutation, Map.of("v", "line\nbreak"))))
					.as(mutation)
					.containsExactly(field.replace("@article", "")));
	}

	@SuppressWarnings("unchecked")
	private static List<Object> invalidFields(Map<String, Object> response) {
		return errors(response).stream()
			.map((error) -> (Map<String, Object>) error.getOrDefault("extensions", Map.of()))
			.map((extensions) -> "INVALID_INPUT".equals(extensions.get("code")) ? extensions.get("field")
					: extensions.get("code"))
			.toList();
	}

}
