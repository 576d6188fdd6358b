package at.alma.mentoring.member;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import at.alma.mentoring.platform.SecuritySettings;

import org.springframework.stereotype.Component;

/**
 * The token in a reset mail's link: the reset's id signed with the server's key
 * (HMAC-SHA256). The mail job computes it from the id, so it is never a process variable
 * (those stay in the history); the database keeps only its SHA-256.
 */
@Component
class ResetTokens {

	private final SecretKeySpec key;

	ResetTokens(SecuritySettings settings) {
		this.key = new SecretKeySpec(("password-reset:" + settings.jwtSecret()).getBytes(StandardCharsets.UTF_8),
				"HmacSHA256");
	}

	String tokenFor(UUID resetId) {
		return resetId + "." + signature(resetId);
	}

	/** The reset id a genuine token names. */
	Optional<UUID> verify(String token) {
		int dot = (token != null) ? token.indexOf('.') : -1;
		if (dot < 0) {
			return Optional.empty();
		}
		try {
			UUID id = UUID.fromString(token.substring(0, dot));
			boolean genuine = MessageDigest.isEqual(signature(id).getBytes(StandardCharsets.US_ASCII),
					token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
			return genuine ? Optional.of(id) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
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

	private String signature(UUID resetId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(resetId.toString().getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
