package at.alma.mentoring.platform.graphql;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLTypeUtil;

import at.alma.mentoring.platform.Paging;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Refuses a hostile operation before any resolver runs: query text too long, nesting too
 * deep, too many fields (aliases and {@code __typename} included, so an alias flood that
 * costs nothing still counts), or an estimated cost over the limit (list and connection
 * fields weighted by their page size). Introspection fields are left to graphql-java's
 * GoodFaithIntrospection (see {@link #isIntrospection}). Boot registers every
 * {@code Instrumentation} bean with Spring for GraphQL; it applies to HTTP and WebSocket
 * alike.
 */
@Component
class GraphQlLimits extends SimplePerformantInstrumentation {

	private final GraphQlSettings settings;

	GraphQlLimits(GraphQlSettings settings) {
		this.settings = settings;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		String query = parameters.getQuery();
		if (query != null && query.length() > this.settings.maxDocumentSize().toBytes()) {
			throw refusal("DOCUMENT_TOO_LARGE",
					"The query text is longer than " + this.settings.maxDocumentSize().toBytes() + " characters");
		}
		return super.beginExecution(parameters, state);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		Measure measure = measure(parameters.getExecutionContext());
		if (measure.fields > this.settings.maxFields()) {
			throw refusal("QUERY_TOO_MANY_FIELDS", "The operation selects " + measure.fields
					+ " fields (aliases included); at most " + this.settings.maxFields() + " are allowed");
		}
		if (measure.depth > this.settings.maxDepth()) {
			throw refusal("QUERY_TOO_DEEP", "The operation is nested " + measure.depth + " levels deep; at most "
					+ this.settings.maxDepth() + " are allowed");
		}
		if (measure.cost > this.settings.maxCost()) {
			throw refusal("QUERY_TOO_COSTLY", "The operation's estimated cost is " + measure.cost + "; at most "
					+ this.settings.maxCost() + " is allowed (ask for smaller pages or fewer nested lists)");
		}
		return super.beginExecuteOperation(parameters, state);
	}

	Measure measure(ExecutionContext context) {
		QueryTraverser traverser = QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getOperationDefinition().getName())
			.coercedVariables(context.getCoercedVariables())
			.build();
		Measure measure = new Measure();
		// cost of the selections below a field, keyed by the field's environment (null:
		// the operation)
		Map<QueryVisitorFieldEnvironment, Long> below = new HashMap<>();
		traverser.visitPostOrder(new QueryVisitorStub() {

			@Override
			public void visitField(QueryVisitorFieldEnvironment env) {
				if (isIntrospection(env)) {
					return;
				}
				measure.fields++;
				measure.depth = Math.max(measure.depth, depthOf(env));
				long cost = saturatedAdd(1, saturatedMultiply(multiplier(env), below.getOrDefault(env, 0L)));
				below.merge(env.getParentEnvironment(), cost, GraphQlLimits::saturatedAdd);
			}

		});
		measure.cost = below.getOrDefault(null, 0L);
		return measure;
	}

	private long multiplier(QueryVisitorFieldEnvironment env) {
		if (env.isTypeNameIntrospectionField()) {
			return 0;
		}
		GraphQLOutputType type = env.getFieldDefinition().getType();
		GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
		if (named.getName().endsWith("Connection")) {
			Object first = env.getArguments().get("first");
			return (first instanceof Number number) ? Math.max(number.longValue(), 1) : Paging.DEFAULT_PAGE_SIZE;
		}
		// the edges of a connection are already weighted by the connection's page size
		if (GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList
				&& !env.getFieldsContainer().getName().endsWith("Connection")) {
			return this.settings.listSize();
		}
		return 1;
	}

	/**
	 * Inside {@code __schema} or {@code __type}: bounded by graphql-java's
	 * GoodFaithIntrospection (depth 20, 500 fields, each expensive field once), off in
	 * production; GraphiQL's introspection query is deeper than our limit.
	 */
	private static boolean isIntrospection(QueryVisitorFieldEnvironment env) {
		for (QueryVisitorFieldEnvironment at = env; at != null; at = at.getParentEnvironment()) {
			String name = at.getField().getName();
			if (name.equals("__schema") || name.equals("__type")) {
				return true;
			}
		}
		return false;
	}

	private static int depthOf(QueryVisitorFieldEnvironment env) {
		int depth = 0;
		for (QueryVisitorFieldEnvironment at = env; at != null; at = at.getParentEnvironment()) {
			depth++;
		}
		return depth;
	}

	private static long saturatedMultiply(long a, long b) {
		long high = Math.multiplyHigh(a, b);
		long product = a * b;
		return (high != 0 || product < 0) ? Long.MAX_VALUE : product;
	}

	private static long saturatedAdd(long a, long b) {
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
	}

	private static AbortExecutionException refusal(String code, String message) {
		GraphQLError error = GraphqlErrorBuilder.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(message)
			.extensions(new LinkedHashMap<>(Map.of("code", code)))
			.build();
		return new AbortExecutionException(List.of(error));
	}

	static final class Measure {

		int fields;

		int depth;

		long cost;

	}

}
