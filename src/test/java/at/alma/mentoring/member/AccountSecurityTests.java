package at.alma.mentoring.member;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.TestMailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password change and reset through {@code /graphql}, with the real reset mails
 * (GreenMail): the link is read from the mail, never built here. A new password revokes
 * every token issued before (401, reason {@code REVOKED}); every refusal changes nothing.
 */
class AccountSecurityTests extends ApiTest {

	private static final String NEW_PASSWORD = "another horse battery";

	private static final String CHANGE = """
			mutation($current: String!, $next: String!) {
			  changePassword(input: {currentPassword: $current, newPassword: $next}) { token expiresAt me { id } }
			}""";

	private static final String REQUEST = """
			mutation($email: String!) { requestPasswordReset(input: {email: $email}) { requested } }""";

	private static final String RESET = """
			mutation($token: String!, $next: String!) {
			  resetPassword(input: {token: $token, newPassword: $next}) { token me { id } }
			}""";

	private static final Pattern LINK = Pattern.compile("(https?://\\S+/reset-password\\?\\S+)");

	@Autowired
	PasswordResetThrottle resetThrottle;

	@Autowired
	PasswordResetSettings resetSettings;

	@Test
	void aChangedPasswordRevokesEveryEarlierTokenAndAnswersANewOne() {
		Account member = signUp("Clara", "Wechsel", "MENTEE");
		Account otherDevice = signIn(member);
		var response = as(member).document(CHANGE)
			.variable("current", PASSWORD)
			.variable("next", NEW_PASSWORD)
			.execute();
		response.path("changePassword.me.id").entity(String.class).isEqualTo(member.id().toString());
		String fresh = response.path("changePassword.token").entity(String.class).get();

		expectRevoked(member.token());
		expectRevoked(otherDevice.token());
		postMe(fresh).expectStatus().isOk().expectBody().jsonPath("$.data.me.id").isEqualTo(member.id().toString());
		expectSignIn(member.email(), PASSWORD, false);
		expectSignIn(member.email(), NEW_PASSWORD, true);
	}

	@Test
	void aWrongCurrentPasswordOrAWeakNewOneIsRefusedAndChangesNothing() {
		Account member = signUp("Clara", "Falsch", "MENTEE");
		expectCode(as(member).document(CHANGE)
			.variable("current", "not my password")
			.variable("next", NEW_PASSWORD)
			.execute(), "WRONG_PASSWORD");
		as(member).document(CHANGE)
			.variable("current", PASSWORD)
			.variable("next", "short")
			.execute()
			.errors()
			.expect((error) -> "WEAK_PASSWORD".equals(error.getExtensions().get("code"))
					&& "input.newPassword".equals(error.getExtensions().get("field")))
			.verify();
		postMe(member.token()).expectStatus().isOk();
		expectSignIn(member.email(), PASSWORD, true);
		expectSignIn(member.email(), NEW_PASSWORD, false);
	}

	@Test
	void aResetThroughTheMailedLinkSetsTheNewPasswordOnceAndRevokesTheOldTokens() {
		Account member = signUp("Rita", "Reset", "MENTEE");
		requestReset(member.email());
		runJobs(member.id());
		String token = tokenFromMail(member.email());

		var response = anonymous().document(RESET).variable("token", token).variable("next", NEW_PASSWORD).execute();
		response.path("resetPassword.me.id").entity(String.class).isEqualTo(member.id().toString());
		String fresh = response.path("resetPassword.token").entity(String.class).get();
		expectRevoked(member.token());
		postMe(fresh).expectStatus().isOk();
		expectSignIn(member.email(), NEW_PASSWORD, true);

		// the same link again: refused, and the password stays the one it set
		expectCode(anonymous().document(RESET)
			.variable("token", token)
			.variable("next", "a third horse battery")
			.execute(), "RESET_TOKEN_USED");
		expectSignIn(member.email(), NEW_PASSWORD, true);
		expectSignIn(member.email(), "a third horse battery", false);
		postMe(fresh).expectStatus().isOk();
	}

	@Test
	void anExpiredLinkIsRefusedAndChangesNothing() {
		Account member = signUp("Erik", "Abgelaufen", "MENTEE");
		// whole seconds, as the application's clock ticks (the database keeps no
		// nanoseconds)
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.clock.setTo(now);
		requestReset(member.email());
		runJobs(member.id());
		String token = tokenFromMail(member.email());
		this.clock.setTo(now.plus(this.resetSettings.tokenLifetime()));

		expectCode(anonymous().document(RESET).variable("token", token).variable("next", NEW_PASSWORD).execute(),
				"RESET_TOKEN_EXPIRED");
		expectSignIn(member.email(), PASSWORD, true);
	}

	@Test
	void aLinkResetsOnlyTheAccountItWasSentForAndAnAlteredOneNothing() {
		Account anna = signUp("Anna", "Eins", "MENTEE");
		Account bert = signUp("Bert", "Zwei", "MENTEE");
		requestReset(anna.email());
		requestReset(bert.email());
		runJobs(anna.id());
		runJobs(bert.id());
		String annas = tokenFromMail(anna.email());
		String berts = tokenFromMail(bert.email());
		assertThat(annas).isNotEqualTo(berts);

		// Bert's reset id with Anna's signature, and Anna's token with a character
		// changed
		String swapped = berts.substring(0, berts.indexOf('.')) + annas.substring(annas.indexOf('.'));
		String altered = annas.substring(0, annas.length() - 1) + (annas.endsWith("A") ? "B" : "A");
		for (String forged : List.of(swapped, altered, "not-a-token", UUID.randomUUID() + ".x")) {
			expectCode(anonymous().document(RESET).variable("token", forged).variable("next", NEW_PASSWORD).execute(),
					"RESET_TOKEN_INVALID");
		}
		expectSignIn(anna.email(), PASSWORD, true);
		expectSignIn(bert.email(), PASSWORD, true);

		anonymous().document(RESET)
			.variable("token", annas)
			.variable("next", NEW_PASSWORD)
			.execute()
			.path("resetPassword.me.id")
			.entity(String.class)
			.isEqualTo(anna.id().toString());
		expectSignIn(anna.email(), NEW_PASSWORD, true);
		expectSignIn(bert.email(), PASSWORD, true);
		expectSignIn(bert.email(), NEW_PASSWORD, false);
		postMe(bert.token()).expectStatus().isOk();
	}

	@Test
	void aPasswordChangedSinceMakesAnOpenLinkVoid() {
		Account member = signUp("Vera", "Void", "MENTEE");
		requestReset(member.email());
		runJobs(member.id());
		String token = tokenFromMail(member.email());
		as(member).document(CHANGE).variable("current", PASSWORD).variable("next", NEW_PASSWORD).execute();

		expectCode(anonymous().document(RESET)
			.variable("token", token)
			.variable("next", "a third horse battery")
			.execute(), "RESET_TOKEN_USED");
		expectSignIn(member.email(), NEW_PASSWORD, true);
	}

	@Test
	void anUnknownAddressGetsTheSameAnswerInTheSameTimeAndNoMail() {
		Account member = signUp("Karl", "Bekannt", "MENTEE");
		String unknown = "nobody." + UUID.randomUUID() + "@alma.test";
		long resets = count("password_resets");

		long known = timed(() -> requestReset(member.email()));
		long other = timed(() -> requestReset(unknown));
		assertThat(known).isGreaterThanOrEqualTo(this.resetSettings.answerTime().toMillis());
		assertThat(other).isGreaterThanOrEqualTo(this.resetSettings.answerTime().toMillis());
		assertThat(count("password_resets")).isEqualTo(resets + 1);
		runJobs(member.id());
		assertThat(mail.to(unknown)).isEmpty();
		assertThat(mail.to(member.email())).hasSize(1);
	}

	@Test
	void resetRequestsAreThrottledPerAddressKnownOrNotAndPerClient() {
		Account member = signUp("Theo", "Drossel", "MENTEE");
		String unknown = "nobody." + UUID.randomUUID() + "@alma.test";
		for (String email : List.of(member.email(), unknown)) {
			for (int i = 0; i < this.resetSettings.requestsPerAccount(); i++) {
				requestReset(email);
			}
			expectCode(anonymous().document(REQUEST).variable("email", email).execute(), "TOO_MANY_RESET_REQUESTS");
		}
		assertThat(count("password_resets where member_id = '" + member.id() + "'"))
			.isEqualTo(this.resetSettings.requestsPerAccount());

		// time stands still: the (test-sized) allowance does not refill meanwhile
		this.clock.setTo(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		var client = this.resetThrottle.requestBucket("127.0.0.1");
		long all = client.getAvailableTokens();
		client.tryConsume(all);
		try {
			expectCode(anonymous().document(REQUEST)
				.variable("email", "someone." + UUID.randomUUID() + "@alma.test")
				.execute(), "TOO_MANY_RESET_REQUESTS");
		}
		finally {
			client.addTokens(all);
		}
	}

	@Test
	void guessingResetTokensIsThrottledPerClient() {
		Account member = signUp("Gerd", "Rater", "MENTEE");
		requestReset(member.email());
		runJobs(member.id());
		String token = tokenFromMail(member.email());
		// time stands still: the (test-sized) allowance does not refill meanwhile
		this.clock.setTo(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		var failures = this.resetThrottle.failureBucket("127.0.0.1");
		long all = failures.getAvailableTokens();
		failures.tryConsume(all);
		try {
			// refused before the token is looked at: even the genuine one
			expectCode(anonymous().document(RESET).variable("token", token).variable("next", NEW_PASSWORD).execute(),
					"TOO_MANY_RESET_ATTEMPTS");
			expectSignIn(member.email(), PASSWORD, true);
		}
		finally {
			failures.addTokens(all);
		}
		// a wrong guess costs one, a success gives it back
		long before = failures.getAvailableTokens();
		expectCode(anonymous().document(RESET).variable("token", "guess.x").variable("next", NEW_PASSWORD).execute(),
				"RESET_TOKEN_INVALID");
		assertThat(failures.getAvailableTokens()).isEqualTo(before - 1);
		anonymous().document(RESET).variable("token", token).variable("next", NEW_PASSWORD).execute().errors().verify();
		assertThat(failures.getAvailableTokens()).isEqualTo(before - 1);
	}

	private void requestReset(String email) {
		anonymous().document(REQUEST)
			.variable("email", email)
			.execute()
			.path("requestPasswordReset.requested")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	/** The token parameter of the link in the one reset mail the address got. */
	private static String tokenFromMail(String email) {
		List<MimeMessage> mails = mail.to(email);
		assertThat(mails).hasSize(1);
		String text = TestMailServer.text(mails.get(0));
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).as("a reset link in %s", text).isTrue();
		return UriComponentsBuilder.fromUriString(link.group(1)).build().getQueryParams().getFirst("token");
	}

	private void expectSignIn(String email, String password, boolean succeeds) {
		GraphQlTester.Response response = anonymous()
			.document("mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { token } }")
			.variable("e", email)
			.variable("p", password)
			.execute();
		if (succeeds) {
			response.errors().verify();
		}
		else {
			expectCode(response, "INVALID_CREDENTIALS");
		}
	}

	/** A revoked token: 401 with the JSON body of the other token refusals. */
	private void expectRevoked(String token) {
		postMe(token).expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("UNAUTHORIZED")
			.jsonPath("$.errors[0].extensions.reason")
			.isEqualTo("REVOKED");
	}

	private WebTestClient.ResponseSpec postMe(String token) {
		return http().post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { id } }"))
			.exchange();
	}

	private static long timed(Runnable call) {
		long started = System.nanoTime();
		call.run();
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

}
