package at.alma.mentoring.platform;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Who is asking: the member id from the verified bearer token of the current request.
 */
@Component
public class CurrentMember {

	/** The signed-in member's id; an UNAUTHORIZED error for anonymous callers. */
	public UUID id() {
		return idIfSignedIn()
			.orElseThrow(() -> new AuthenticationCredentialsNotFoundException("A bearer token is required"));
	}

	public Optional<UUID> idIfSignedIn() {
		return jwt().map(jwt -> UUID.fromString(jwt.getSubject()));
	}

	public boolean isAdmin() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return jwt().isPresent() && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
	}

	private static Optional<Jwt> jwt() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
			return Optional.of(jwt);
		}
		return Optional.empty();
	}

}
