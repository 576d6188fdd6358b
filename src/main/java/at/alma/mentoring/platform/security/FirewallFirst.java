package at.alma.mentoring.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's firewall rules ({@code ;} path parameters, encoded slashes,
 * {@code ..}, non-printable characters), checked before any other filter: 400 without a
 * body. Spring Security checks them only in its own filter chain, and before that its
 * path parsing for Camunda's servlets failed on {@code /engine-rest;x=y/user} with an
 * {@code IllegalArgumentException}: a 500 and a stack trace in the log for a client's
 * malformed URL.
 */
final class FirewallFirst extends OncePerRequestFilter {

	private final HttpFirewall firewall = new StrictHttpFirewall();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.firewall.getFirewalledRequest(request);
		}
		catch (RequestRejectedException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(request, response);
	}

}
