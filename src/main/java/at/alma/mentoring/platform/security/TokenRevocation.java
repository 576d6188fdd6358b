package at.alma.mentoring.platform.security;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import at.alma.mentoring.platform.SecuritySettings;
import at.alma.mentoring.platform.Tokens;
import at.alma.mentoring.platform.TokenVersions;
import at.alma.mentoring.platform.TokensRevoked;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Refuses bearer tokens issued before the member's token version was raised (password
 * changed or reset, account suspended or deleted): a validator of the {@code JwtDecoder},
 * so HTTP requests and the WebSocket's {@code connection_init} are both checked.
 * <p>
 * The current versions are cached per member for
 * {@link SecuritySettings#revocationCache()} (5 s by default): one small query per member
 * and interval instead of one per request. That is the bound for other nodes; this node
 * forgets a member's entry as soon as the transaction that raised the version commits
 * ({@link TokensRevoked}). The cache holds at most {@link #MAX_ENTRIES} members; past
 * that, expired entries are dropped, and if that is not enough the whole cache.
 */
@Component
class TokenRevocation implements OAuth2TokenValidator<Jwt> {

	/** The {@code description} of the validation error, read by the 401 answer. */
	static final String REVOKED = "The token has been revoked";

	static final int MAX_ENTRIES = 10_000;

	private final TokenVersions versions;

	private final long ttlNanos;

	private final Duration interval;

	private final LongSupplier nanoTime;

	private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

	private final Sinks.Many<UUID> revoked = Sinks.many().multicast().directBestEffort();

	@Autowired
	TokenRevocation(TokenVersions versions, SecuritySettings settings) {
		this(versions, settings.revocationCache(), System::nanoTime);
	}

	/** With its own clock (nanoseconds, as {@link System#nanoTime()}), for the tests. */
	TokenRevocation(TokenVersions versions, Duration cache, LongSupplier nanoTime) {
		this.versions = versions;
		this.ttlNanos = cache.toNanos();
		this.interval = cache;
		this.nanoTime = nanoTime;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		return isCurrent(token) ? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, REVOKED, null));
	}

	/** Whether the token's version is the member's current one. */
	boolean isCurrent(Jwt token) {
		UUID member;
		try {
			member = UUID.fromString(token.getSubject());
		}
		catch (RuntimeException ex) {
			return false;
		}
		OptionalLong current = current(member);
		return current.isPresent() && current.getAsLong() == versionOf(token);
	}

	static long versionOf(Jwt token) {
		Object claim = token.getClaims().get(Tokens.VERSION_CLAIM);
		return (claim instanceof Number number) ? number.longValue() : 0L;
	}

	/**
	 * Signals (once) when the token of a live subscription is revoked: at once for a
	 * revocation committed on this node, within the cache interval for one of another
	 * node.
	 */
	Flux<UUID> revocationOf(Jwt token) {
		UUID member = UUID.fromString(token.getSubject());
		// an event for the member, and the token is no longer current (a reactivation
		// sends one too)
		Flux<UUID> here = this.revoked.asFlux().filter(member::equals).filter((id) -> !isCurrent(token));
		if (this.interval.isZero() || this.interval.isNegative()) {
			return here.take(1);
		}
		Flux<UUID> elsewhere = Flux.interval(this.interval, Schedulers.boundedElastic())
			.filter((tick) -> !isCurrent(token))
			.map((tick) -> member);
		return Flux.merge(here, elsewhere).take(1);
	}

	/** This node forgets the member's cached version once the raise is committed. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(TokensRevoked event) {
		this.cache.remove(event.memberId());
		this.revoked.emitNext(event.memberId(), Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	private OptionalLong current(UUID member) {
		long now = this.nanoTime.getAsLong();
		Cached cached = this.cache.get(member);
		if (cached != null && now - cached.loadedAt() < this.ttlNanos) {
			return cached.version();
		}
		OptionalLong version = this.versions.current(member);
		if (this.ttlNanos > 0) {
			if (this.cache.size() >= MAX_ENTRIES) {
				this.cache.values().removeIf((entry) -> now - entry.loadedAt() >= this.ttlNanos);
				if (this.cache.size() >= MAX_ENTRIES) {
					this.cache.clear();
				}
			}
			this.cache.put(member, new Cached(version, now));
		}
		return version;
	}

	int cachedMembers() {
		return this.cache.size();
	}

	private record Cached(OptionalLong version, long loadedAt) {
	}

}
