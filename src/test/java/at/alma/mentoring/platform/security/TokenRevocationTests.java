package at.alma.mentoring.platform.security;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import at.alma.mentoring.platform.Tokens;
import at.alma.mentoring.platform.TokensRevoked;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token version check with its own clock: a raised version is seen by another node
 * within the cache interval and never before, by this node at once after the commit.
 */
class TokenRevocationTests {

	private static final Duration CACHE = Duration.ofSeconds(5);

	private final Map<UUID, Long> versions = new ConcurrentHashMap<>();

	private final AtomicInteger lookups = new AtomicInteger();

	private final AtomicLong nanos = new AtomicLong(1_000);

	private final TokenRevocation revocation = new TokenRevocation((member) -> {
		this.lookups.incrementAndGet();
		Long version = this.versions.get(member);
		return (version != null) ? OptionalLong.of(version) : OptionalLong.empty();
	}, CACHE, this.nanos::get);

	@Test
	void aRaisedVersionIsRefusedOnceTheCacheIntervalHasPassedAndNotBefore() {
		UUID member = UUID.randomUUID();
		this.versions.put(member, 3L);
		Jwt token = token(member, 3L);
		assertThat(this.revocation.validate(token).hasErrors()).isFalse();
		// raised through another node: no event here
		this.versions.put(member, 4L);
		this.nanos.addAndGet(CACHE.toNanos() - 1);
		assertThat(this.revocation.validate(token).hasErrors()).isFalse();
		this.nanos.addAndGet(1);
		assertThat(this.revocation.validate(token).getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getDescription()).isEqualTo(TokenRevocation.REVOKED));
		assertThat(this.revocation.validate(token(member, 4L)).hasErrors()).isFalse();
		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void aRevocationCommittedOnThisNodeIsSeenAtOnce() {
		UUID member = UUID.randomUUID();
		this.versions.put(member, 0L);
		Jwt token = token(member, 0L);
		assertThat(this.revocation.isCurrent(token)).isTrue();
		this.versions.put(member, 1L);
		this.revocation.on(new TokensRevoked(member));
		assertThat(this.revocation.isCurrent(token)).isFalse();
	}

	@Test
	void aTokenWithoutVersionCountsAsVersionZeroAndAMissingMemberHasNone() {
		UUID member = UUID.randomUUID();
		this.versions.put(member, 0L);
		assertThat(this.revocation.isCurrent(token(member, null))).isTrue();
		this.versions.put(member, 1L);
		this.revocation.on(new TokensRevoked(member));
		assertThat(this.revocation.isCurrent(token(member, null))).isFalse();
		assertThat(this.revocation.isCurrent(token(UUID.randomUUID(), 0L))).isFalse();
	}

	@Test
	void theCacheHoldsABoundedNumberOfMembers() {
		for (int i = 0; i < TokenRevocation.MAX_ENTRIES + 10; i++) {
			UUID member = UUID.randomUUID();
			this.versions.put(member, 0L);
			this.revocation.isCurrent(token(member, 0L));
		}
		assertThat(this.revocation.cachedMembers()).isLessThanOrEqualTo(TokenRevocation.MAX_ENTRIES);
	}

	@Test
	void aLiveSubscriptionIsToldOfARevocationOnThisNode() {
		UUID member = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		this.versions.put(member, 0L);
		this.versions.put(other, 0L);
		StepVerifier.create(this.revocation.revocationOf(token(member, 0L))).then(() -> {
			this.versions.put(other, 1L);
			this.revocation.on(new TokensRevoked(other));
		})
			// an event for the member whose token is still current (a reactivation)
			.then(() -> this.revocation.on(new TokensRevoked(member)))
			.then(() -> {
				this.versions.put(member, 1L);
				this.revocation.on(new TokensRevoked(member));
			})
			.expectNext(member)
			.verifyComplete();
	}

	private static Jwt token(UUID member, Long version) {
		Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "HS256").subject(member.toString());
		if (version != null) {
			token.claim(Tokens.VERSION_CLAIM, version);
		}
		return token.build();
	}

}
