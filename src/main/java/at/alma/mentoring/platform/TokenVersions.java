package at.alma.mentoring.platform;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * Where the token version of a member is kept (the member module): a token whose
 * {@code tv} claim is lower than the member's current version was revoked.
 */
public interface TokenVersions {

	/**
	 * The member's current token version; empty when the member no longer exists or may
	 * not use any token (suspended).
	 */
	OptionalLong current(UUID memberId);

}
