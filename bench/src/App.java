import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One server's HTTP API as the benchmark uses it: {@code /graphql} as members (bearer tokens), {@code /engine-rest}
 * as the engine's admin, and the downloads. Errors in a GraphQL answer become {@link GraphQlError}s.
 */
final class App {

	static final ObjectMapper JSON = new ObjectMapper();

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	static final String ADMIN = "Basic "
			+ Base64.getEncoder().encodeToString("admin:Camunda-Dev-Pass-1".getBytes(StandardCharsets.UTF_8));

	static final String OPERATOR = "Basic "
			+ Base64.getEncoder().encodeToString("operator:operator-dev-password".getBytes(StandardCharsets.UTF_8));

	private static final AtomicLong EMAILS = new AtomicLong();

	final String base;

	App(String base) {
		this.base = base;
	}

	/** A GraphQL error's {@code extensions.code} (or classification), or the HTTP status of a failed request. */
	static final class GraphQlError extends RuntimeException {

		private static final long serialVersionUID = 1L;

		final String code;

		GraphQlError(String code, String message) {
			super(code + ": " + message);
			this.code = code;
		}

	}

	record Account(String id, String email, String token) {
	}

	JsonNode gql(String token, String query, Map<String, Object> variables) {
		Map<String, Object> body = new HashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(this.base + "/graphql"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json(body)));
		if (token != null) {
			rb.header("Authorization", "Bearer " + token);
		}
		JsonNode answer = send(rb.build());
		JsonNode errors = answer.path("errors");
		if (errors.isArray() && errors.size() > 0) {
			JsonNode e = errors.get(0);
			throw new GraphQlError(
					e.path("extensions").path("code").asText(e.path("extensions").path("classification").asText("ERROR")),
					e.path("message").asText());
		}
		return answer.path("data");
	}

	/**
	 * A new member with {@code role} ({@code MENTOR} or {@code MENTEE}) and its token, the address verified in the
	 * database ({@link Seed#verified}) for the steps that need it.
	 */
	Account signUpVerified(String role) {
		Account account = signUp(role);
		Seed.verified(account);
		return account;
	}

	/**
	 * A new member with {@code role} ({@code MENTOR} or {@code MENTEE}) and its token; the address is not verified
	 * yet (the timed {@code signUp}).
	 */
	Account signUp(String role) {
		String email = "b" + Run.ID + "-" + EMAILS.incrementAndGet() + "@bench.test";
		Map<String, Object> input = Map.of("email", email, "password", Settings.PASSWORD, "firstName", "Bench",
				"lastName", role.equals("MENTOR") ? "Mentorin" : "Mentee", "roles", List.of(role), "language", "EN",
				"timeZone", "Europe/Vienna");
		JsonNode d = gql(null, "mutation($input: SignUpInput!) { signUp(input: $input) { token me { id } } }",
				Map.of("input", input));
		return new Account(d.path("signUp").path("me").path("id").asText(), email,
				d.path("signUp").path("token").asText());
	}

	byte[] download(String token, String path) {
		HttpRequest r = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		try {
			HttpResponse<byte[]> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
			if (resp.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + ": " + resp.statusCode());
			}
			return resp.body();
		}
		catch (IOException | InterruptedException ex) {
			throw new RuntimeException(ex);
		}
	}

	/** A GET as the operator, answer discarded (what Prometheus's scrape costs the server). */
	void scrape(String path) throws IOException, InterruptedException {
		HTTP.send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Authorization", OPERATOR).GET().build(),
				HttpResponse.BodyHandlers.discarding());
	}

	JsonNode rest(String method, String path, Object body) {
		HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(this.base + "/engine-rest" + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", ADMIN)
			.header("Accept", "application/json");
		if (body != null) {
			rb.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json(body)));
		}
		else {
			rb.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> resp = HTTP.send(rb.build(), HttpResponse.BodyHandlers.ofString());
			if (resp.statusCode() >= 300) {
				throw new GraphQlError("HTTP_" + resp.statusCode(), method + " " + path + ": " + resp.body());
			}
			return resp.body().isEmpty() ? JSON.nullNode() : JSON.readTree(resp.body());
		}
		catch (IOException | InterruptedException ex) {
			throw new RuntimeException(ex);
		}
	}

	/** Starts {@code mentorship-lifecycle} with the variables the app's request would give it. */
	String startLifecycle(String mentorshipId, String menteeId, String mentorId) {
		Map<String, Object> vars = new HashMap<>();
		vars.put("mentorshipId", var(mentorshipId, "String"));
		vars.put("menteeId", var(menteeId, "String"));
		vars.put("mentorId", var(mentorId, "String"));
		vars.put("requestReminderAfter", var("P3D", "String"));
		vars.put("requestExpiresAt", var(camundaDate(Instant.now().plus(Duration.ofDays(14))), "Date"));
		return rest("POST", "/process-definition/key/mentorship-lifecycle/start",
				Map.of("businessKey", mentorshipId, "variables", vars))
			.path("id")
			.asText();
	}

	/** The id of the open task {@code key} in the processes of the business key, or null. */
	String task(String businessKey, String key) {
		JsonNode tasks = rest("GET", "/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + key
				+ "&firstResult=0&maxResults=10", null);
		return tasks.size() == 0 ? null : tasks.get(0).path("id").asText();
	}

	void complete(String taskId, Map<String, Object> variables) {
		rest("POST", "/task/" + taskId + "/complete", Map.of("variables", variables));
	}

	/** A process variable as the engine's REST API takes it. */
	static Map<String, Object> var(Object value, String type) {
		Map<String, Object> v = new HashMap<>();
		v.put("value", value);
		v.put("type", type);
		return v;
	}

	static String camundaDate(Instant i) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC).format(i);
	}

	static String json(Object o) {
		try {
			return JSON.writeValueAsString(o);
		}
		catch (IOException ex) {
			throw new RuntimeException(ex);
		}
	}

	private static JsonNode send(HttpRequest r) {
		try {
			HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
			if (resp.statusCode() != 200) {
				throw new GraphQlError("HTTP_" + resp.statusCode(), resp.body());
			}
			return JSON.readTree(resp.body());
		}
		catch (IOException | InterruptedException ex) {
			throw new RuntimeException(ex);
		}
	}

}
