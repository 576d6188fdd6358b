package at.alma.mentoring.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An id signed with the server's key (HMAC-SHA256), as the token in a mail's link:
 * {@code <id>.<signature>}. Each purpose derives its own key, so a token of one kind
 * (feedback, password reset) never verifies as another; a forged or altered token does
 * not verify at all.
 */
public final class SignedIds {

	private final SecretKeySpec key;

	public SignedIds(String purpose, SecuritySettings settings) {
		this.key = new SecretKeySpec((purpose + ":" + settings.jwtSecret()).getBytes(StandardCharsets.UTF_8),
				"HmacSHA256");
	}

	public String tokenFor(UUID id) {
		return id + "." + signature(id);
	}

	/** The id a genuine token names. */
	public Optional<UUID> verify(String token) {
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

	private String signature(UUID id) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(id.toString().getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
