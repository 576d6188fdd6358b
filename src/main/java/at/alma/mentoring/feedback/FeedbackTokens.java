package at.alma.mentoring.feedback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import at.alma.mentoring.platform.SecuritySettings;

import org.springframework.stereotype.Component;

/**
 * The token in a feedback mail's link: the request id signed with the server's key
 * (HMAC-SHA256). Nothing secret is stored; a forged or altered token does not verify; the
 * request itself is answerable once.
 */
@Component
class FeedbackTokens {

	private final SecretKeySpec key;

	FeedbackTokens(SecuritySettings settings) {
		this.key = new SecretKeySpec(("feedback-token:" + settings.jwtSecret()).getBytes(StandardCharsets.UTF_8),
				"HmacSHA256");
	}

	String tokenFor(UUID requestId) {
		return requestId + "." + signature(requestId);
	}

	/** The request id a genuine token names. */
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

	private String signature(UUID requestId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(requestId.toString().getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
