package at.alma.mentoring.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token signing and who is an administrator.
 *
 * @param jwtSecret HMAC key for the bearer tokens, at least 32 bytes; from the
 * environment in production
 * @param tokenTtl how long a token from signIn/signUp is valid
 * @param issuer the {@code iss} claim of our tokens
 * @param adminEmails members with these e-mail addresses get the ADMIN role (never
 * through signUp)
 * @param corsOrigins browser origins allowed to call the API
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is
 * believed; empty (the default): the client address is the TCP peer's
 * @param revocationCache how long a node may answer from its cache of members' token
 * versions: a token revoked through another node is refused within this time (through
 * this node at once)
 */
@ConfigurationProperties("mentoring.security")
public record SecuritySettings(String jwtSecret, @DefaultValue("PT12H") Duration tokenTtl,
		@DefaultValue("alma-mentoring") String issuer, @DefaultValue List<String> adminEmails,
		@DefaultValue List<String> corsOrigins, @DefaultValue List<String> trustedProxies,
		@DefaultValue("PT5S") Duration revocationCache) {

	/** The development default; the prod profile refuses to start with it. */
	public static final String DEVELOPMENT_JWT_SECRET = "development-only-jwt-secret-do-not-use-in-production";

}
