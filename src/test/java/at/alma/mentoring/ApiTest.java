package at.alma.mentoring;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context of the API tests: the real server on a random port, the real
 * engine, the real schema. Every API test extends this class, so the context is started
 * once and shared (see README, "Tests").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestConfig.class)
public abstract class ApiTest {

	public static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	protected int port;

	@Autowired
	protected TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	protected WebTestClient http() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	/** A GraphQL client without a token. */
	protected HttpGraphQlTester anonymous() {
		return HttpGraphQlTester.create(http().mutate().baseUrl("http://localhost:" + this.port + "/graphql").build());
	}

	protected HttpGraphQlTester as(Account account) {
		return anonymous().mutate().header("Authorization", "Bearer " + account.token()).build();
	}

	/** Signs a new member up through the API, with a unique e-mail address. */
	protected Account signUp(String firstName, String lastName, String... roles) {
		return signUp(firstName, lastName, "DE", "Europe/Vienna", roles);
	}

	protected Account signUp(String firstName, String lastName, String language, String timeZone, String... roles) {
		String email = firstName.toLowerCase() + "." + UUID.randomUUID() + "@alma.test";
		Map<String, Object> input = Map.of("email", email, "password", PASSWORD, "firstName", firstName, "lastName",
				lastName, "roles", List.of(roles), "language", language, "timeZone", timeZone);
		var response = anonymous().document("""
				mutation($input: SignUpInput!) { signUp(input: $input) { token me { id } } }""")
			.variable("input", input)
			.execute();
		String token = response.path("signUp.token").entity(String.class).get();
		String id = response.path("signUp.me.id").entity(String.class).get();
		return new Account(UUID.fromString(id), email, token);
	}

	/** A member as the tests know them: id, e-mail and a bearer token. */
	public record Account(UUID id, String email, String token) {
	}

}
