package at.alma.mentoring.platform.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Subscriptions run over the WebSocket ({@code /graphql-ws}) only: a subscription POSTed
 * as plain JSON would otherwise answer 200 with the serialized publisher object. The
 * stream is never subscribed, so no resolver of it runs.
 */
@Component
class SubscriptionTransport implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest
				|| request.getHeaders().getAccept().contains(MediaType.TEXT_EVENT_STREAM)) {
			return chain.next(request);
		}
		return chain.next(request).map((response) -> {
			if (!(response.getExecutionResult().getData() instanceof Publisher<?>)) {
				return response;
			}
			return response.transform((builder) -> builder.data(null)
				.errors(List.of(GraphqlErrorBuilder.newError()
					.errorType(ErrorType.BAD_REQUEST)
					.message("Subscriptions run over the WebSocket at /graphql-ws (graphql-ws protocol)")
					.extensions(new LinkedHashMap<>(Map.of("code", "SUBSCRIPTION_NEEDS_WEBSOCKET")))
					.build())));
		});
	}

}
