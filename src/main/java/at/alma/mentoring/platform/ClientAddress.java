package at.alma.mentoring.platform;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * The address a GraphQL request came from, for rate limits: the TCP peer
 * ({@code HttpServletRequest.getRemoteAddr()}); {@code X-Forwarded-For} only when the
 * peer is one of the configured trusted proxies, and then the nearest address that is not
 * a trusted proxy. Resolvers read it with {@link #of(GraphQLContext)}; servlet filters
 * ask {@link #resolve(HttpServletRequest)}.
 */
@Component
public class ClientAddress implements WebGraphQlInterceptor {

	static final String CONTEXT_KEY = ClientAddress.class.getName();

	private static final String UNKNOWN = "unknown";

	private final Set<String> trustedProxies;

	ClientAddress(SecuritySettings settings) {
		this.trustedProxies = Set.copyOf(settings.trustedProxies());
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String address = resolve(request.getRemoteAddress(), request.getHeaders().get("X-Forwarded-For"));
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(CONTEXT_KEY, address);
			return input;
		});
		return chain.next(request);
	}

	/** The client address of a request outside GraphQL, by the same rules. */
	public String resolve(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		return nearestUntrusted((peer != null) ? peer : UNKNOWN,
				Collections.list(request.getHeaders("X-Forwarded-For")));
	}

	String resolve(InetSocketAddress peer, List<String> forwardedFor) {
		return nearestUntrusted(
				(peer != null && peer.getAddress() != null) ? peer.getAddress().getHostAddress() : UNKNOWN,
				forwardedFor);
	}

	private String nearestUntrusted(String address, List<String> forwardedFor) {
		if (!this.trustedProxies.contains(address) || forwardedFor == null || forwardedFor.isEmpty()) {
			return address;
		}
		List<String> hops = forwardedFor.stream()
			.flatMap((header) -> Arrays.stream(header.split(",")))
			.map(String::strip)
			.filter((hop) -> !hop.isEmpty())
			.toList();
		for (int i = hops.size() - 1; i >= 0; i--) {
			if (!this.trustedProxies.contains(hops.get(i))) {
				return hops.get(i);
			}
		}
		return address;
	}

	/** The caller's address as resolved for this request; "unknown" outside HTTP. */
	public static String of(GraphQLContext context) {
		return context.getOrDefault(CONTEXT_KEY, UNKNOWN);
	}

}
