package at.alma.mentoring.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import graphql.GraphqlErrorBuilder;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Ends the live subscriptions of a member whose token is revoked (password changed,
 * account suspended): the stream stops with an {@code UNAUTHORIZED} error (graphql-ws
 * {@code error} message, {@code reason} {@code REVOKED}), at once when the revocation was
 * committed on this node, otherwise within the revocation cache interval. The token of a
 * WebSocket connection was checked once, at {@code connection_init}; without this a
 * subscription would outlive it.
 * <p>
 * Runs inside the WebSocket authentication interceptor (which orders itself first): the
 * token is the one in the Reactor context it writes.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RevokedSubscriptions implements WebGraphQlInterceptor {

	private final TokenRevocation revocation;

	RevokedSubscriptions(TokenRevocation revocation) {
		this.revocation = revocation;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest)) {
			return chain.next(request);
		}
		return Mono.deferContextual((context) -> {
			Jwt token = context.<SecurityContext>getOrEmpty(SecurityContext.class.getName())
				.map(SecurityContext::getAuthentication)
				.filter((authentication) -> authentication.getPrincipal() instanceof Jwt)
				.map((authentication) -> (Jwt) authentication.getPrincipal())
				.orElse(null);
			if (token == null) {
				return chain.next(request);
			}
			return chain.next(request).map((response) -> {
				if (!(response.getExecutionResult().getData() instanceof Publisher<?> stream)) {
					return response;
				}
				return response.transform((builder) -> builder.data(untilRevoked(stream, token)));
			});
		});
	}

	private Flux<Object> untilRevoked(Publisher<?> stream, Jwt token) {
		AtomicBoolean revoked = new AtomicBoolean();
		Flux<Object> items = Flux.from(stream).cast(Object.class);
		return items.takeUntilOther(this.revocation.revocationOf(token).doOnNext((member) -> revoked.set(true)))
			.concatWith(Mono.defer(() -> revoked.get() ? Mono.error(revokedError()) : Mono.empty()));
	}

	/**
	 * The graphql-ws {@code error} message's errors as they are: the stream ends here,
	 * outside the subscription's own exception resolvers.
	 */
	private static SubscriptionPublisherException revokedError() {
		var reason = UnauthorizedAnswer.Reason.REVOKED;
		return new SubscriptionPublisherException(List.of(GraphqlErrorBuilder.newError()
			.errorType(ErrorType.UNAUTHORIZED)
			.message(reason.message())
			.extensions(new LinkedHashMap<>(Map.of("code", "UNAUTHORIZED", "reason", reason.name())))
			.build()), null);
	}

}
