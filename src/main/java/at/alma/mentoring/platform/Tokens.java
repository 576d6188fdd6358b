package at.alma.mentoring.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues the bearer tokens that {@code signUp} and {@code signIn} return (HS256 JWT,
 * subject = member id, the roles and the member's token version).
 */
@Component
public class Tokens {

	/** The claim that carries the roles; the API's resource server reads them from it. */
	public static final String ROLES_CLAIM = "roles";

	/**
	 * The member's token version at issue; absent (tokens from before it) counts as 0.
	 */
	public static final String VERSION_CLAIM = "tv";

	private final JwtEncoder encoder;

	private final SecuritySettings settings;

	private final Clock clock;

	Tokens(JwtEncoder encoder, SecuritySettings settings, Clock clock) {
		this.encoder = encoder;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A token for the member with the given roles; {@code tokenVersion} is the member's
	 * current token version, raising it revokes the token
	 * ({@code platform.security.TokenRevocation}).
	 */
	public IssuedToken issue(UUID memberId, Collection<String> roles, long tokenVersion) {
		var issuedAt = this.clock.instant();
		var expiresAt = issuedAt.plus(this.settings.tokenTtl());
		var claims = JwtClaimsSet.builder()
			.issuer(this.settings.issuer())
			.subject(memberId.toString())
			.issuedAt(issuedAt)
			.expiresAt(expiresAt)
			.claim(ROLES_CLAIM, List.copyOf(roles))
			.claim(VERSION_CLAIM, tokenVersion)
			.build();
		var header = JwsHeader.with(MacAlgorithm.HS256).build();
		String value = this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new IssuedToken(value, expiresAt);
	}

	/** A signed token and the moment it stops being accepted. */
	public record IssuedToken(String value, Instant expiresAt) {
	}

}
