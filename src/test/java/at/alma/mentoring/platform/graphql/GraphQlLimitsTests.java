package at.alma.mentoring.platform.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.WiringFactory;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@link GraphQlLimits} on a small schema with small limits: what counts as
 * depth, fields and cost, and that a refused operation runs no resolver.
 */
class GraphQlLimitsTests {

	private static final String SDL = """
			type Query { node: Node, nodes(first: Int): NodeConnection, list: [Node] }
			type Node { id: ID, child: Node, children(first: Int): NodeConnection }
			type NodeConnection { edges: [NodeEdge] }
			type NodeEdge { node: Node }
			""";

	private final AtomicInteger resolved = new AtomicInteger();

	private final GraphQL graphQl = GraphQL
		.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL),
				RuntimeWiring.newRuntimeWiring().wiringFactory(new CountingFetchers()).build()))
		.instrumentation(new GraphQlLimits(new GraphQlSettings(5, 100, 10, 10, DataSize.ofBytes(300),
				DataSize.ofMegabytes(1), DataSize.ofKilobytes(8))))
		.build();

	@Test
	void refusesNestingDeeperThanTheLimit() {
		assertThat(codes("{ node { child { child { child { id } } } } }")).isEmpty();
		assertThat(codes("{ node { child { child { child { child { id } } } } } }")).containsExactly("QUERY_TOO_DEEP");
		assertThat(codes("{ node { ...deep } } fragment deep on Node { child { child { child { child { id } } } } }"))
			.as("fragments are expanded")
			.containsExactly("QUERY_TOO_DEEP");
	}

	@Test
	void countsAliasesAndTypenames() {
		assertThat(codes("{ " + aliases(10) + "}")).isEmpty();
		assertThat(codes("{ " + aliases(11) + "}")).containsExactly("QUERY_TOO_MANY_FIELDS");
	}

	@Test
	void weighsConnectionsByTheirPageSizeFromLiteralsAndVariables() {
		String page = "query($n: Int) { nodes(first: $n) { edges { node { id child { id } } } } }";
		assertThat(codes(page, Map.of("n", 5))).isEmpty();
		assertThat(codes(page, Map.of("n", 50))).containsExactly("QUERY_TOO_COSTLY");
		assertThat(codes("{ nodes(first: 50) { edges { node { id } } } }")).containsExactly("QUERY_TOO_COSTLY");
		assertThat(codes("{ list { child { child { id } } } list2: list { id } }")).isEmpty();
		assertThat(codes("{ list { children(first: 20) { edges { node { id } } } } }"))
			.containsExactly("QUERY_TOO_COSTLY");
	}

	@Test
	void refusesALongQueryTextBeforeParsing() {
		assertThat(codes("{ node { id } }\n#" + "x".repeat(400))).containsExactly("DOCUMENT_TOO_LARGE");
	}

	@Test
	void aRefusedOperationRunsNoResolver() {
		codes("{ node { child { child { child { child { id } } } } } }");
		codes("{ " + aliases(11) + " node { id } }");
		assertThat(this.resolved).hasValue(0);
		codes("{ node { id } }");
		assertThat(this.resolved.get()).isPositive();
	}

	private static String aliases(int count) {
		StringBuilder aliases = new StringBuilder();
		for (int i = 0; i < count; i++) {
			aliases.append("t").append(i).append(": __typename ");
		}
		return aliases.toString();
	}

	private List<Object> codes(String query) {
		return codes(query, Map.of());
	}

	private List<Object> codes(String query, Map<String, Object> variables) {
		ExecutionResult result = this.graphQl.execute(ExecutionInput.newExecutionInput(query).variables(variables));
		return result.getErrors()
			.stream()
			.map(GraphQLError::getExtensions)
			.map((extensions) -> (extensions != null) ? extensions.get("code") : null)
			.toList();
	}

	/** Every field resolves to one object, a list of one, or "x"; each call counted. */
	private final class CountingFetchers implements WiringFactory {

		@Override
		public boolean providesDataFetcher(FieldWiringEnvironment environment) {
			return true;
		}

		@Override
		public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
			return (env) -> {
				GraphQlLimitsTests.this.resolved.incrementAndGet();
				if (GraphQLTypeUtil.unwrapNonNull(env.getFieldType()) instanceof GraphQLList) {
					return List.of(Map.of());
				}
				return (GraphQLTypeUtil.unwrapAll(env.getFieldType()) instanceof GraphQLScalarType) ? "x" : Map.of();
			};
		}

	}

}
