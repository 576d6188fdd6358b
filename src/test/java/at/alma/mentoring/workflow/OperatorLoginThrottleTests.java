package at.alma.mentoring.workflow;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.ApiTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords at {@code /engine-rest} and at the webapps' login are counted per
 * client address and answered 429 once the allowance is used, before the engine sees
 * them; they never lock the Camunda user, so nobody locks an operator out without
 * credentials. Time stands still in each test: the allowance comes back only when the
 * test clock moves.
 */
class OperatorLoginThrottleTests extends ApiTest {

	private static final String PASSWORD = "Operator-Pass-42!";

	@Autowired
	IdentityService identityService;

	@Autowired
	OperatorLoginThrottleSettings settings;

	private String userId;

	@BeforeEach
	void anOperatorAndFullBuckets() {
		this.jdbc.update("delete from sign_in_throttle");
		this.clock.setTo(this.clock.instant());
		this.userId = "op" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.identityService.newUser(this.userId);
		user.setPassword(PASSWORD);
		this.identityService.saveUser(user);
		// the webapps' login answers 200 only to a user allowed into the app
		this.identityService.createMembership(this.userId, "camunda-admin");
	}

	@AfterEach
	void removeTheOperator() {
		this.identityService.deleteMembership(this.userId, "camunda-admin");
		this.identityService.deleteUser(this.userId);
		this.jdbc.update("delete from sign_in_throttle");
	}

	@Test
	void wrongPasswordsAtEngineRestAreThrottledPerClientAndNeverLockTheUser() {
		int allowance = this.settings.failuresPerAddress();
		for (int i = 0; i < allowance - 1; i++) {
			assertThat(engineRest(http(), this.userId, "wrong " + i)).isEqualTo(401);
		}
		// below the limit the right password works, again and again, and does not count
		for (int i = 0; i < 3; i++) {
			assertThat(engineRest(http(), this.userId, PASSWORD)).isEqualTo(200);
		}
		// an unknown user id counts like a wrong password
		assertThat(engineRest(http(), "nobody-" + this.userId, "guess")).isEqualTo(401);
		assertEngineNeverLocked();

		// the allowance is used: the next attempt, even with the right password, is
		// refused before the engine checks it
		var refused = http().get()
			.uri("/engine-rest/process-definition/count")
			.header(HttpHeaders.AUTHORIZATION, basic(this.userId, "wrong again"))
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("TooManyLoginAttempts")
			.jsonPath("$.message")
			.value((message) -> assertThat((String) message).contains("Too many wrong passwords"))
			.returnResult();
		long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
		assertThat(retryAfter).isPositive()
			.isLessThanOrEqualTo(this.settings.window().toSeconds() / this.settings.failuresPerAddress() + 1);
		assertThat(engineRest(http(), this.userId, PASSWORD)).isEqualTo(429);
		assertEngineNeverLocked();

		// another client is not hindered: the user is not locked
		assertThat(engineRest(otherClient(), this.userId, PASSWORD)).isEqualTo(200);
		// requests without credentials check no password and are not throttled
		http().get().uri("/engine-rest/process-definition/count").exchange().expectStatus().isUnauthorized();

		// the allowance comes back a share at a time: one attempt after Retry-After
		this.clock.advance(Duration.ofSeconds(retryAfter));
		assertThat(engineRest(http(), this.userId, PASSWORD)).isEqualTo(200);
		this.clock.advance(this.settings.window());
		assertThat(engineRest(http(), this.userId, PASSWORD)).isEqualTo(200);
		assertEngineNeverLocked();
	}

	@Test
	void wrongPasswordsAtTheWebappsLoginAreThrottledPerClientAndNeverLockTheUser() {
		WebTestClient client = http();
		int allowance = this.settings.failuresPerAddress();
		for (int i = 0; i < allowance - 1; i++) {
			assertThat(webappLogin(client, this.userId, "wrong " + i).getStatus().value()).isEqualTo(401);
		}
		assertThat(webappLogin(client, this.userId, PASSWORD).getStatus().value()).isEqualTo(200);
		assertThat(webappLogin(client, this.userId, PASSWORD).getStatus().value()).isEqualTo(200);
		assertThat(webappLogin(client, this.userId, "wrong last").getStatus().value()).isEqualTo(401);
		assertEngineNeverLocked();

		var refused = webappLogin(client, this.userId, PASSWORD);
		assertThat(refused.getStatus().value()).isEqualTo(429);
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(new String(refused.getResponseBody(), StandardCharsets.UTF_8)).contains("TooManyLoginAttempts");
		// the same client's /engine-rest attempts share the allowance
		assertThat(engineRest(client, this.userId, PASSWORD)).isEqualTo(429);
		assertEngineNeverLocked();

		assertThat(webappLogin(otherClient(), this.userId, PASSWORD).getStatus().value()).isEqualTo(200);
		this.clock.advance(this.settings.window());
		assertThat(webappLogin(client, this.userId, PASSWORD).getStatus().value()).isEqualTo(200);
	}

	/**
	 * A login refused by the webapps' CSRF filter never checks the password, so a page on
	 * another site cannot use an operator's browser to use up the allowance of the
	 * operator's address.
	 */
	@Test
	void loginsWithoutTheCsrfTokenDoNotCount() {
		for (int i = 0; i < this.settings.failuresPerAddress() + 2; i++) {
			http().post()
				.uri("/camunda/api/admin/auth/user/default/login/cockpit")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("username", this.userId).with("password", "wrong " + i))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		assertThat(webappLogin(http(), this.userId, PASSWORD).getStatus().value()).isEqualTo(200);
	}

	/**
	 * A user the engine locked before (here by a wrong password outside any HTTP request,
	 * where the engine's own lockout still applies) is refused with 401 even with the
	 * right password; those 401s are no wrong passwords and do not use up the client's
	 * allowance. An operator unlocks the user through {@code /engine-rest}.
	 */
	@Test
	void theRightPasswordOfALockedUserDoesNotCount() {
		assertThat(this.identityService.checkPassword(this.userId, "wrong outside HTTP")).isFalse();
		assertThat(lockExpiry()).isNotNull();
		for (int i = 0; i < this.settings.failuresPerAddress() + 2; i++) {
			assertThat(engineRest(http(), this.userId, PASSWORD)).isEqualTo(401);
		}
		// unlocked as docs/operations.md says: by another member of camunda-admin
		http().post()
			.uri("/engine-rest/user/" + this.userId + "/unlock")
			.header(HttpHeaders.AUTHORIZATION, basic("admin", "Camunda-Dev-Pass-1"))
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(engineRest(http(), this.userId, PASSWORD)).isEqualTo(200);
	}

	private void assertEngineNeverLocked() {
		assertThat(this.jdbc.queryForObject("select coalesce(ATTEMPTS_, 0) from ACT_ID_USER where ID_ = ?",
				Integer.class, this.userId))
			.isZero();
		assertThat(lockExpiry()).isNull();
	}

	private Object lockExpiry() {
		return this.jdbc.queryForObject("select LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = ?", Object.class,
				this.userId);
	}

	private static int engineRest(WebTestClient client, String user, String password) {
		return client.get()
			.uri("/engine-rest/process-definition/count")
			.header(HttpHeaders.AUTHORIZATION, basic(user, password))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	/**
	 * Logs in as Cockpit does: a GET gives the session and its {@code XSRF-TOKEN} cookie,
	 * the form POST echoes the token in {@code X-XSRF-TOKEN}.
	 */
	private static EntityExchangeResult<byte[]> webappLogin(WebTestClient client, String user, String password) {
		var page = client.get().uri("/camunda/app/cockpit/default/").exchange().returnResult(String.class);
		Map<String, ResponseCookie> cookies = page.getResponseCookies().toSingleValueMap();
		String xsrf = cookies.get("XSRF-TOKEN").getValue();
		return client.post()
			.uri("/camunda/api/admin/auth/user/default/login/cockpit")
			.cookies((jar) -> cookies.forEach((name, cookie) -> jar.add(name, cookie.getValue())))
			.header("X-XSRF-TOKEN", xsrf)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("username", user).with("password", password))
			.exchange()
			.expectBody()
			.returnResult();
	}

	/** A client whose connections come from 127.0.0.2. */
	private WebTestClient otherClient() {
		HttpClient from = HttpClient.create().bindAddress(() -> new InetSocketAddress("127.0.0.2", 0));
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(from))
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
