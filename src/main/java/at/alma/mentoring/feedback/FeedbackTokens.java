package at.alma.mentoring.feedback;

import java.util.Optional;
import java.util.UUID;

import at.alma.mentoring.platform.SecuritySettings;
import at.alma.mentoring.platform.SignedIds;

import org.springframework.stereotype.Component;

/**
 * The token in a feedback mail's link: the request id signed with the server's key
 * (HMAC-SHA256). Nothing secret is stored; a forged or altered token does not verify; the
 * request itself is answerable once.
 */
@Component
class FeedbackTokens {

	private final SignedIds signed;

	FeedbackTokens(SecuritySettings settings) {
		this.signed = new SignedIds("feedback-token", settings);
	}

	String tokenFor(UUID requestId) {
		return this.signed.tokenFor(requestId);
	}

	/** The request id a genuine token names. */
	Optional<UUID> verify(String token) {
		return this.signed.verify(token);
	}

}
