package at.alma.mentoring.security;

import java.util.List;
import java.util.Map;

import at.alma.mentoring.ApiTest;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Raw GraphQL over HTTP for the security tests: the whole response as a map, so errors,
 * codes and status can be looked at without the tester's assertions.
 */
abstract class GraphQlCalls extends ApiTest {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	Map<String, Object> call(String token, String query, Map<String, Object> variables) {
		var request = http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			request = request.header("Authorization", "Bearer " + token);
		}
		return request.bodyValue(Map.of("query", query, "variables", variables))
			.exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> errors(Map<String, Object> response) {
		return (List<Map<String, Object>>) response.getOrDefault("errors", List.of());
	}

	@SuppressWarnings("unchecked")
	static List<String> codes(Map<String, Object> response) {
		return errors(response).stream()
			.map((error) -> (Map<String, Object>) error.getOrDefault("extensions", Map.of()))
			.map((extensions) -> String.valueOf(extensions.get("code")))
			.toList();
	}

	@SuppressWarnings("unchecked")
	static <T> T at(Map<String, Object> response, String path) {
		Object node = response.get("data");
		for (String step : path.split("\\.")) {
			node = ((Map<String, Object>) node).get(step);
		}
		return (T) node;
	}

}
