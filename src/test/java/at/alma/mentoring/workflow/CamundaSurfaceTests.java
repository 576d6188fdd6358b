package at.alma.mentoring.workflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import at.alma.mentoring.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

/**
 * The engine's own surfaces are for operators: {@code /engine-rest} answers only to
 * Camunda users (HTTP Basic), never anonymously and never to a member's bearer token.
 */
class CamundaSurfaceTests extends ApiTest {

	@Test
	void engineRestNeedsAnOperatorLogin() {
		http().get().uri("/engine-rest/process-definition/count").exchange().expectStatus().isUnauthorized();
		Account member = signUp("Rest", "Member", "MENTOR");
		http().get()
			.uri("/engine-rest/process-definition/count")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + member.token())
			.exchange()
			.expectStatus()
			.isUnauthorized();
		http().get()
			.uri("/engine-rest/process-definition/count")
			.header(HttpHeaders.AUTHORIZATION, basic("admin", "admin-dev-password"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.count")
			.isNumber();
		// last: a wrong password locks the user for a few seconds
		http().get()
			.uri("/engine-rest/process-definition/count")
			.header(HttpHeaders.AUTHORIZATION, basic("admin", "wrong password"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
