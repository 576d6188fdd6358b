package at.alma.mentoring.member;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import at.alma.mentoring.platform.SecuritySettings;
import at.alma.mentoring.platform.SignedIds;

import org.springframework.stereotype.Component;

/**
 * The token in a reset mail's link: the reset's id signed with the server's key
 * (HMAC-SHA256). The mail job computes it from the id, so it is never a process variable
 * (those stay in the history); the database keeps only its SHA-256.
 */
@Component
class ResetTokens {

	private final SignedIds signed;

	ResetTokens(SecuritySettings settings) {
		this.signed = new SignedIds("password-reset", settings);
	}

	String tokenFor(UUID resetId) {
		return this.signed.tokenFor(resetId);
	}

	/** The reset id a genuine token names. */
	Optional<UUID> verify(String token) {
		return this.signed.verify(token);
	}

	/** What the database keeps of a token. */
	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
