package at.alma.mentoring.workflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.ApiTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
			.header(HttpHeaders.AUTHORIZATION, basic("admin", "Camunda-Dev-Pass-1"))
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
	void camundaRefusesAWeakPasswordForANewUser() {
		String userId = "weak" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.identityService.newUser(userId);
		user.setPassword("a");
		assertThatThrownBy(() -> this.identityService.saveUser(user)).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("policy");
		assertThat(this.identityService.createUserQuery().userId(userId).count()).isZero();
		// the configured operator's password passes the same policy
		assertThat(this.identityService.checkPassword("admin", "Camunda-Dev-Pass-1")).isTrue();
		assertThat(this.identityService.checkPasswordAgainstPolicy("Camunda-Dev-Pass-1").isValid()).isTrue();
	}

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
		user.setPassword("A long operator passw0rd");
		this.identityService.saveUser(user);
		try {
			for (String path : new String[] { "/engine-rest/task", "/engine-rest/process-instance" }) {
				// query-max-results-limit (2000): a list without maxResults is refused
				http().get()
					.uri(path)
					.header(HttpHeaders.AUTHORIZATION, basic(userId, "A long operator passw0rd"))
					.exchange()
					.expectStatus()
					.isBadRequest();
				http().get()
					.uri(path + "?firstResult=0&maxResults=100")
					.header(HttpHeaders.AUTHORIZATION, basic(userId, "A long operator passw0rd"))
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.json("[]");
				http().get()
					.uri(path + "/count")
					.header(HttpHeaders.AUTHORIZATION, basic(userId, "A long operator passw0rd"))
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

	/**
	 * Tasklist's trap: an operator who claims, reassigns, unclaims, edits or completes a
	 * member's task through {@code /engine-rest} (what Tasklist calls) is refused, and
	 * the task stays in the member's {@code myTasks}.
	 */
	@Test
	void anOperatorCannotChangeAMembersTask() {
		Account mentee = signUp("Tasklist", "Mentee", "MENTEE");
		Account mentor = signUp("Tasklist", "Mentor", "MENTOR");
		String mentorship = as(mentee)
			.document("mutation($id: ID!) { requestMentorship(input: {mentorId: $id}) { mentorship { id } } }")
			.variable("id", mentor.id())
			.execute()
			.path("requestMentorship.mentorship.id")
			.entity(String.class)
			.get();
		String taskId = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(mentorship)
			.singleResult()
			.getId();
		String admin = basic("admin", "Camunda-Dev-Pass-1");
		Map<String, String> changes = new LinkedHashMap<>();
		changes.put("/claim", "{\"userId\": \"admin\"}");
		changes.put("/assignee", "{\"userId\": \"admin\"}");
		changes.put("/unclaim", "{}");
		changes.put("/delegate", "{\"userId\": \"admin\"}");
		changes.put("/complete", "{}");
		changes.put("", "{\"name\": \"Renamed\", \"assignee\": \"admin\"}");
		changes.put("/variables/note", "{\"value\": \"x\", \"type\": \"String\"}");
		changes.forEach((path, body) -> {
			boolean put = path.isEmpty() || path.startsWith("/variables/");
			(put ? http().put() : http().post()).uri("/engine-rest/task/" + taskId + path)
				.header(HttpHeaders.AUTHORIZATION, admin)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.value((status) -> assertThat(status).as(path).isEqualTo(403))
				.expectBody()
				.jsonPath("$.message")
				.value((message) -> assertThat((String) message).as(path).isEqualTo(OperatorTaskGuard.REFUSAL));
		});
		var task = this.taskService.createTaskQuery().taskId(taskId).singleResult();
		assertThat(task.getAssignee()).isEqualTo(mentor.id().toString());
		assertThat(task.getName()).isNotEqualTo("Renamed");
		as(mentor).document("{ myTasks { edges { node { kind mentorship { id } } } } }")
			.execute()
			.path("myTasks.edges[*].node.mentorship.id")
			.entityList(String.class)
			.contains(mentorship);
		// the operator still reads it (Tasklist and Cockpit show it)
		http().get()
			.uri("/engine-rest/task/" + taskId)
			.header(HttpHeaders.AUTHORIZATION, admin)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
