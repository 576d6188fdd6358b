package at.alma.mentoring.platform.security;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The HTTP 401 of the members' API: the {@code WWW-Authenticate} header of RFC 6750
 * (Spring Security's bearer entry point) and a body GraphQL clients can read, shaped like
 * a GraphQL request error: {@code errors[0].extensions.code} is {@code UNAUTHORIZED},
 * {@code extensions.reason} says why ({@link Reason}). docs/api.md ("Errors") documents
 * the shape.
 */
class UnauthorizedAnswer implements AuthenticationEntryPoint {

	/** Why a request was not authenticated; stable names clients may program against. */
	enum Reason {

		/** No bearer token where one is needed. */
		TOKEN_MISSING("Sign in first: this needs an Authorization: Bearer <token> header"),

		/** The token's validity ended ({@code exp}). */
		TOKEN_EXPIRED("The bearer token has expired: sign in again"),

		/** A malformed token, a wrong signature or issuer. */
		TOKEN_INVALID("The bearer token is invalid: sign in again"),

		/**
		 * A valid token issued before the member's password changed, before a suspension
		 * or a deletion ({@link TokenRevocation}).
		 */
		REVOKED("The bearer token has been revoked (password changed or account suspended): sign in again");

		private final String message;

		Reason(String message) {
			this.message = message;
		}

		String message() {
			return this.message;
		}

	}

	private final BearerTokenAuthenticationEntryPoint headers = new BearerTokenAuthenticationEntryPoint();

	private final ObjectMapper json;

	UnauthorizedAnswer(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		this.headers.commence(request, response, failure);
		Reason reason = reasonOf(request, failure);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		Map<String, Object> error = Map.of("message", reason.message, "extensions",
				Map.of("code", "UNAUTHORIZED", "classification", "UNAUTHORIZED", "reason", reason.name()));
		response.getOutputStream().write(this.json.writeValueAsBytes(Map.of("errors", List.of(error))));
	}

	private static Reason reasonOf(HttpServletRequest request, AuthenticationException failure) {
		// a token was there and failed: InvalidBearerTokenException (decoding, signature,
		// exp, iss) or a malformed header
		if (failure instanceof OAuth2AuthenticationException) {
			if (revoked(failure)) {
				return Reason.REVOKED;
			}
			String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
			return message.contains("expired") ? Reason.TOKEN_EXPIRED : Reason.TOKEN_INVALID;
		}
		return (request.getHeader("Authorization") != null) ? Reason.TOKEN_INVALID : Reason.TOKEN_MISSING;
	}

	/** The decoder's validation failed on {@link TokenRevocation} (the cause chain). */
	private static boolean revoked(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JwtValidationException validation && validation.getErrors()
				.stream()
				.anyMatch((error) -> TokenRevocation.REVOKED.equals(error.getDescription()))) {
				return true;
			}
		}
		return false;
	}

}
