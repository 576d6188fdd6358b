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
	ThrottleCleanup cleanup;

	@Autowired
	ThrottleBuckets buckets;

	/**
	 * Each test starts with no bucket for its addresses: a bucket refills only after the
	 * latest time it has seen, and other tests (or an earlier run on a kept database) may
	 * have used it at a later clock.
	 */
	@BeforeEach
	void stopTime() {
		this.clock.setTo(Instant.now());
	}

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
		this.clock.advance(Duration.ofMinutes(61)); // the sign-up window is the longer
													// one: 1 h
		BucketProxy recent = this.throttle.bucket(RECENT);
		recent.tryConsume(1);

		assertThat(this.cleanup.deleteFullBuckets()).isPositive();

		assertThat(rows(OLD)).isZero();
		assertThat(rows(RECENT)).isOne();
		// the deleted one was full anyway: it starts again with everything, the kept one
		// still lacks its token
		assertThat(old.getAvailableTokens()).isEqualTo(this.settings.perAddress());
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
		WebTestClient.Builder builder = WebTestClient.bindToServer()
			.baseUrl("http://" + ADDRESS + ":" + this.port + "/graphql")
			.responseTimeout(Duration.ofSeconds(30));
		if (idempotencyKey != null) {
			builder.defaultHeader("Idempotency-Key", idempotencyKey);
		}
		WebTestClient client = builder.build();
		return HttpGraphQlTester.create(client)
			.document("mutation($input: SignUpInput!) { signUp(input: $input) { me { email } } }")
			.variable("input",
					Map.of("email", email, "password", PASSWORD, "firstName", "Viele", "lastName", "Konten", "roles",
							List.of("MENTEE")))
			.execute();
	}

}
