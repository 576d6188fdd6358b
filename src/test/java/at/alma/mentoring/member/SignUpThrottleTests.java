package at.alma.mentoring.member;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.bucket4j.distributed.BucketProxy;
import at.alma.mentoring.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code signUp} is throttled per client address, in the database. The shared test
 * context allows a million sign-ups an hour (every test signs up from 127.0.0.1), so
 * these tests drain the address's bucket first and fill it again afterwards; time moves
 * on the test clock, set far beyond every other test's.
 */
class SignUpThrottleTests extends ApiTest {

	private static final String ADDRESS = "127.0.0.1";

	private static final Instant LATER_THAN_ANY_TEST = Instant.parse("2100-01-01T00:00:00Z");

	@Autowired
	SignUpThrottle throttle;

	@Autowired
	SignUpThrottleSettings settings;

	@BeforeEach
	void fromLaterThanAnyOtherTest() {
		// the bucket refills from the latest time it has seen
		this.clock.setTo(LATER_THAN_ANY_TEST);
	}

	@AfterEach
	void fillTheAddressForTheOtherTests() {
		bucket().reset();
	}

	@Test
	void anAddressOutOfSignUpsIsRefusedWithNothingWrittenAndGetsThemBackOverTime() {
		bucket().tryConsumeAsMuchAsPossible();
		String email = "late." + UUID.randomUUID() + "@alma.test";
		long members = count("members");

		expectCode(signUp(email), "TOO_MANY_SIGN_UPS");
		assertThat(count("members")).isEqualTo(members);
		assertThat(this.jdbc.queryForObject("select count(*) from members where email = ?", Long.class, email))
			.isZero();

		// one sign-up's share of the window, and a little: one comes back, not two
		Duration oneShare = this.settings.window().dividedBy(this.settings.perAddress());
		this.clock.advance(oneShare.plus(oneShare.dividedBy(2)));
		signUp(email).path("signUp.me.email").entity(String.class).isEqualTo(email);
		expectCode(signUp("later." + UUID.randomUUID() + "@alma.test"), "TOO_MANY_SIGN_UPS");
	}

	@Test
	void aTakenAddressCountsAndInvalidInputDoesNot() {
		String email = "twice." + UUID.randomUUID() + "@alma.test";
		signUp(email).path("signUp.me.email").entity(String.class).isEqualTo(email);
		long before = bucket().getAvailableTokens();

		expectCode(signUp(email), "EMAIL_TAKEN");
		assertThat(bucket().getAvailableTokens()).isEqualTo(before - 1);

		expectInvalid(signUp("not an address"), "input.email");
		assertThat(bucket().getAvailableTokens()).isEqualTo(before - 1);
	}

	private BucketProxy bucket() {
		return this.throttle.bucket(ADDRESS);
	}

	/** A sign-up from 127.0.0.1, whatever {@code localhost} resolves to here. */
	private GraphQlTester.Response signUp(String email) {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://" + ADDRESS + ":" + this.port + "/graphql")
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		return HttpGraphQlTester.create(client)
			.document("mutation($input: SignUpInput!) { signUp(input: $input) { me { email } } }")
			.variable("input",
					Map.of("email", email, "password", PASSWORD, "firstName", "Viele", "lastName", "Konten", "roles",
							List.of("MENTEE")))
			.execute();
	}

}
