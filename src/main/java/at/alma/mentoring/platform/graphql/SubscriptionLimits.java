package at.alma.mentoring.platform.graphql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.DomainException;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * Caps the subscriptions streaming at once per WebSocket connection and per member
 * ({@link SubscriptionSettings}); one over the cap gets the subscription error
 * {@code TOO_MANY_SUBSCRIPTIONS} instead of a stream. A subscription counts from the
 * moment its stream is subscribed until it completes, fails or is cancelled (the client's
 * {@code complete}, the socket closing). The interceptor names the connection in the
 * GraphQL context; the type visitor wraps the data fetcher of every subscription field,
 * inside Spring's own decorator, so the member is known there and the refusal goes
 * through the subscription exception resolvers.
 */
@Component
class SubscriptionLimits extends GraphQLTypeVisitorStub implements WebGraphQlInterceptor {

	private static final String CONNECTION = SubscriptionLimits.class.getName() + ".connection";

	private final SubscriptionSettings settings;

	private final CurrentMember currentMember;

	private final Map<Object, Integer> connections = new ConcurrentHashMap<>();

	private final Map<Object, Integer> members = new ConcurrentHashMap<>();

	SubscriptionLimits(SubscriptionSettings settings, CurrentMember currentMember) {
		this.settings = settings;
		this.currentMember = currentMember;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest socket) {
			String id = socket.getSessionInfo().getId();
			request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CONNECTION, id)).build());
		}
		return chain.next(request);
	}

	@Override
	public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
			TraverserContext<GraphQLSchemaElement> context) {
		if (context.getParentNode() instanceof GraphQLObjectType parent && parent.getName().equals("Subscription")) {
			GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
			DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
			registry.dataFetcher(coordinates, (DataFetcher<?>) (env) -> capped(fetcher.get(env),
					env.getGraphQlContext().get(CONNECTION), this.currentMember.idIfSignedIn().orElse(null)));
		}
		return TraversalControl.CONTINUE;
	}

	private Object capped(Object result, Object connection, Object member) {
		if (!(result instanceof Publisher<?> stream)) {
			return result;
		}
		return Flux.defer(() -> {
			int open = take(this.connections, connection);
			int mine = take(this.members, member);
			Runnable release = () -> {
				release(this.connections, connection);
				release(this.members, member);
			};
			if (open > this.settings.perConnection() || mine > this.settings.perMember()) {
				release.run();
				return Flux.error(DomainException.refused("TOO_MANY_SUBSCRIPTIONS",
						"At most " + this.settings.perConnection() + " subscriptions per connection and "
								+ this.settings.perMember() + " per member at once; complete one first"));
			}
			return Flux.from(stream).doFinally((signal) -> release.run());
		});
	}

	/** Up by one, atomically per key; the count after it. */
	private static int take(Map<Object, Integer> counters, Object key) {
		return (key != null) ? counters.merge(key, 1, Integer::sum) : 0;
	}

	/**
	 * Down by one; a counter at zero leaves the map, so closed connections leave nothing.
	 */
	private static void release(Map<Object, Integer> counters, Object key) {
		if (key != null) {
			counters.computeIfPresent(key, (k, count) -> (count <= 1) ? null : count - 1);
		}
	}

}
