package at.alma.mentoring.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code signIn} is throttled per account and per client address in the database;
 * attempts packed into one request with aliases count one by one. Assertions are on the
 * refusal codes, never on time: the test clock moves the window on.
 */
class SignInThrottleTests extends GraphQlCalls {

	@BeforeEach
	@AfterEach
	void forgetTheCounts() {
		// every test here signs in from 127.0.0.1: leave the address's bucket full for
		// the
		// other tests
		this.jdbc.update("delete from sign_in_throttle");
	}

	@Test
	void aliasedGuessesCountOneByOneAndLockTheAccountForAWhile() {
		Account victim = signUp("Brute", "Force", "MENTEE");
		StringBuilder guesses = new StringBuilder("mutation($e: String!) { ");
		for (int i = 0; i < 8; i++) {
			guesses.append("g")
				.append(i)
				.append(": signIn(input: {email: $e, password: \"guess number ")
				.append(i)
				.append("\"}) { token } ");
		}
		// graphql-java stops a mutation request at the first failed non-null field: send
		// the
		// packed guesses until refused and count every attempt that ran
		List<String> codes = new java.util.ArrayList<>();
		for (int i = 0; i < 10 && !codes.contains("TOO_MANY_SIGN_IN_ATTEMPTS"); i++) {
			codes.addAll(codes(call(null, guesses.toString() + "}", Map.of("e", victim.email()))));
		}
		assertThat(codes).containsExactly("INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "INVALID_CREDENTIALS",
				"INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "TOO_MANY_SIGN_IN_ATTEMPTS");
		// even the right password waits now
		assertThat(codes(signIn(victim.email(), PASSWORD))).containsExactly("TOO_MANY_SIGN_IN_ATTEMPTS");

		this.clock.advance(Duration.ofMinutes(16));
		assertThat(codes(signIn(victim.email(), PASSWORD))).isEmpty();
	}

	@Test
	void successfulSignInsDoNotCount() {
		Account member = signUp("Often", "Back", "MENTEE");
		for (int i = 0; i < 7; i++) {
			assertThat(codes(signIn(member.email(), PASSWORD))).isEmpty();
		}
	}

	@Test
	void oneAddressTryingManyAccountsIsStopped() {
		// time stands still: on a slow machine the 40 sign-ins take long enough for the
		// address's allowance to refill by one (30 per 15 minutes)
		this.clock.setTo(this.clock.instant());
		List<String> codes = new java.util.ArrayList<>();
		for (int i = 0; i < 40 && !codes.contains("TOO_MANY_SIGN_IN_ATTEMPTS"); i++) {
			codes.addAll(codes(signIn("nobody-" + UUID.randomUUID() + "@alma.test", "guess")));
		}
		assertThat(codes).hasSize(31);
		assertThat(codes.subList(0, 30)).containsOnly("INVALID_CREDENTIALS");
		assertThat(codes.get(30)).isEqualTo("TOO_MANY_SIGN_IN_ATTEMPTS");

		// a forged X-Forwarded-For is not believed without a trusted proxy
		var response = http().post()
			.uri("/graphql")
			.header("X-Forwarded-For", "203.0.113.7")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query",
					"mutation { signIn(input: {email: \"someone-else@alma.test\", password: \"guess\"}) { token } }"))
			.exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(codes(response)).containsExactly("TOO_MANY_SIGN_IN_ATTEMPTS");
	}

	private Map<String, Object> signIn(String email, String password) {
		return call(null, "mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { token } }",
				Map.of("e", email, "p", password));
	}

}
