package at.alma.mentoring.platform.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import at.alma.mentoring.platform.graphql.GraphQlErrors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bearer token's check reads the member's token version ({@link TokenRevocation})
 * before any resolver runs; while the database is unreachable that read fails inside the
 * security filters, where no GraphQL error mapping exists, and the client would get a
 * bare 500. This answers such a request as the resolvers would: 503 with a GraphQL-style
 * body whose code is {@code SERVICE_UNAVAILABLE} (nothing was changed, try again), which
 * the apps already retry. Any other failure passes on unchanged.
 */
class DatabaseUnavailableAnswer extends OncePerRequestFilter {

	private final ObjectMapper json;

	DatabaseUnavailableAnswer(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException ex) {
			if (!GraphQlErrors.isDatabaseUnreachable(ex) || response.isCommitted()) {
				throw ex;
			}
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Map<String, Object> error = Map.of("message",
					"The service cannot reach its database right now; nothing was changed, try again shortly",
					"extensions", Map.of("code", "SERVICE_UNAVAILABLE", "classification", "INTERNAL_ERROR"));
			response.getOutputStream().write(this.json.writeValueAsBytes(Map.of("errors", List.of(error))));
		}
	}

}
