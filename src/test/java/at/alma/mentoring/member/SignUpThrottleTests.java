package at.alma.mentoring.member;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.bucket4j.distributed.BucketProxy;
import at.alma.mentoring.ApiTest;
import at.alma.mentoring.throttle.ThrottleBuckets;
import at.alma.mentoring.throttle.ThrottleCleanup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code signUp} is throttled per client address, in the database; buckets nobody used
 * for long are deleted. The shared test context allows a million sign-ups an hour (every
 * test signs up from 127.0.0.1), so these tests drain the address's bucket; time stands
 * still and moves on the test clock.
 */
class SignUpThrottleTests extends ApiTest {

	private static final String ADDRESS = "127.0.0.1";

	private static final String OLD = "203.0.113.9";

	private static final String RECENT = "203.0.113.10";

	@Autowired
	SignUpThrottle throttle;

	@Autowired
	SignUpThrottleSettings settings;

	@Autowired
	SignInThrottleSettings signIn;

	@Autowired
	ThrottleCleanup cleanup;

	@Autowired
	ThrottleBuckets buckets;

	@BeforeEach
	void stopTime() {
		this.clock.setTo(Instant.now());
	}

	/**
	 * Each test starts with no bucket for its addresses: a bucket refills only after the
	 * latest time it has seen, and other tests (or an earlier run on a kept database) may
	 * have used it at a later clock.
	 */
	@BeforeEach
	@AfterEach
	void forgetTheBuckets() {
		for (String address : List.of(ADDRESS, OLD, RECENT)) {
			this.jdbc.update("delete from sign_in_throttle where bucket_key = ?", this.throttle.key(address));
		}
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
	void aRefusalIsNotKeptForTheIdempotencyKeySoTheRetryWithItRunsLater() {
		bucket().tryConsumeAsMuchAsPossible();
		String email = "retry." + UUID.randomUUID() + "@alma.test";
		String key = UUID.randomUUID().toString();
		expectCode(signUp(email, key), "TOO_MANY_SIGN_UPS");

		this.clock.advance(this.settings.window());
		signUp(email, key).path("signUp.me.email").entity(String.class).isEqualTo(email);
	}

	/**
	 * Two root fields, the first commits, the second is refused: every root field is
	 * non-null, so the answer's data is null. The key must keep that answer, or the
	 * repeat would run the first field again.
	 */
	@Test
	void aRefusalAfterAnotherRootFieldCommittedIsKeptForTheIdempotencyKey() {
		bucket().tryConsumeAsMuchAsPossible();
		bucket().addTokens(1);
		String first = "first." + UUID.randomUUID() + "@alma.test";
		String second = "second." + UUID.randomUUID() + "@alma.test";
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = Map.of("query", """
				mutation($a: SignUpInput!, $b: SignUpInput!) {
				  a: signUp(input: $a) { me { email } }
				  b: signUp(input: $b) { me { email } }
				}""", "variables", Map.of("a", input(first), "b", input(second)));

		var answer = post(body, key);
		answer.expectHeader().doesNotExist("Idempotent-Replayed");
		answer.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("TOO_MANY_SIGN_UPS");
		assertThat(this.jdbc.queryForObject("select count(*) from members where email in (?, ?)", Long.class, first,
				second))
			.isOne();

		this.clock.advance(this.settings.window());
		var repeat = post(body, key);
		repeat.expectHeader().valueEquals("Idempotent-Replayed", "true");
		repeat.expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("TOO_MANY_SIGN_UPS");
		assertThat(bucket().getAvailableTokens()).isEqualTo(this.settings.perAddress());
	}

	private WebTestClient.ResponseSpec post(Map<String, Object> body, String idempotencyKey) {
		return client().post()
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", idempotencyKey)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aChangedAllowanceStartsEveryBucketAgainUnderIt() {
		bucket().tryConsumeAsMuchAsPossible();
		SignUpThrottle raised = new SignUpThrottle(this.buckets,
				new SignUpThrottleSettings(this.settings.perAddress() + 10, this.settings.window()));
		try {
			assertThat(raised.bucket(ADDRESS).getAvailableTokens()).isEqualTo(this.settings.perAddress() + 10);
			assertThat(bucket().getAvailableTokens()).isZero();
		}
		finally {
			this.jdbc.update("delete from sign_in_throttle where bucket_key = ?", raised.key(ADDRESS));
		}
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

	@Test
	void bucketsUnusedForLongerThanTheLongestWindowAreDeletedAndTheOthersKept() {
		BucketProxy old = this.throttle.bucket(OLD);
		old.tryConsume(1);
		Duration longestWindow = (this.signIn.window().compareTo(this.settings.window()) >= 0) ? this.signIn.window()
				: this.settings.window();
		this.clock.advance(longestWindow.plusMinutes(1));
		BucketProxy recent = this.throttle.bucket(RECENT);
		recent.tryConsume(1);
		// what makes the deletion harmless: the old bucket is full again
		assertThat(old.getAvailableTokens()).isEqualTo(this.settings.perAddress());

		assertThat(this.cleanup.cleanUp()).isPositive();

		assertThat(rows(OLD)).isZero();
		assertThat(rows(RECENT)).isOne();
		assertThat(recent.getAvailableTokens()).isEqualTo(this.settings.perAddress() - 1);
	}

	private long rows(String address) {
		return this.jdbc.queryForObject("select count(*) from sign_in_throttle where bucket_key = ?", Long.class,
				this.throttle.key(address));
	}

	private BucketProxy bucket() {
		return this.throttle.bucket(ADDRESS);
	}

	/** A sign-up from 127.0.0.1, whatever {@code localhost} resolves to here. */
	private GraphQlTester.Response signUp(String email) {
		return signUp(email, null);
	}

	private GraphQlTester.Response signUp(String email, String idempotencyKey) {
		WebTestClient client = client();
		if (idempotencyKey != null) {
			client = client.mutate().defaultHeader("Idempotency-Key", idempotencyKey).build();
		}
		return HttpGraphQlTester.create(client)
			.document("mutation($input: SignUpInput!) { signUp(input: $input) { me { email } } }")
			.variable("input", input(email))
			.execute();
	}

	/** A client from 127.0.0.1, whatever {@code localhost} resolves to here. */
	private WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://" + ADDRESS + ":" + this.port + "/graphql")
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	private static Map<String, Object> input(String email) {
		return Map.of("email", email, "password", PASSWORD, "firstName", "Viele", "lastName", "Konten", "roles",
				List.of("MENTEE"));
	}

}
