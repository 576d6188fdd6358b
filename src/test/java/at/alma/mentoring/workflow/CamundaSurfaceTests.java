package at.alma.mentoring.workflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import at.alma.mentoring.ApiTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's own surfaces are for operators: {@code /engine-rest} answers only to
 * Camunda users (HTTP Basic), never anonymously and never to a member's bearer token.
 */
class CamundaSurfaceTests extends ApiTest {

	@Autowired
	IdentityService identityService;

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

	/**
	 * Engine authorization is on: a Camunda user without grants (an operator account set
	 * up wrongly, or one created through the Admin webapp) sees no task and no process
	 * instance through {@code /engine-rest}, although the engine holds both.
	 */
	@Test
	void aCamundaUserWithoutGrantsSeesNoTasksAndNoProcessInstances() {
		Account mentee = signUp("Rest", "Mentee", "MENTEE");
		Account mentor = signUp("Rest", "Mentor", "MENTOR");
		as(mentee).document("mutation($id: ID!) { requestMentorship(input: {mentorId: $id}) { mentorship { id } } }")
			.variable("id", mentor.id())
			.execute()
			.errors()
			.verify();
		assertThat(this.runtimeService.createProcessInstanceQuery().count()).isPositive();
		assertThat(this.taskService.createTaskQuery().count()).isPositive();

		String userId = "operator" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.identityService.newUser(userId);
		user.setPassword("a long operator password");
		this.identityService.saveUser(user);
		try {
			for (String path : new String[] { "/engine-rest/task", "/engine-rest/process-instance" }) {
				// query-max-results-limit (2000): a list without maxResults is refused
				http().get()
					.uri(path)
					.header(HttpHeaders.AUTHORIZATION, basic(userId, "a long operator password"))
					.exchange()
					.expectStatus()
					.isBadRequest();
				http().get()
					.uri(path + "?firstResult=0&maxResults=100")
					.header(HttpHeaders.AUTHORIZATION, basic(userId, "a long operator password"))
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.json("[]");
				http().get()
					.uri(path + "/count")
					.header(HttpHeaders.AUTHORIZATION, basic(userId, "a long operator password"))
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.count")
					.isEqualTo(0);
			}
		}
		finally {
			this.identityService.deleteUser(userId);
		}
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
