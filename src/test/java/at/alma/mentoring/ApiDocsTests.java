package at.alma.mentoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.parser.Parser;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.MockedWiringFactory;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ConnectionTypeDefinitionConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GraphQL operation the README and {@code docs/} show is valid against the schema
 * in {@code graphql-schema/}: fenced {@code graphql} blocks, and the {@code "query"}
 * strings of the shell, JSON and JavaScript examples. A renamed field or argument fails
 * here, not in a reader's first hour.
 */
class ApiDocsTests {

	private static final Pattern FENCE = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);

	/** {@code "query": "…"} in JSON and shell examples. */
	private static final Pattern JSON_QUERY = Pattern.compile("\"query\":\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");

	/** {@code query: '…'} in JavaScript examples. */
	private static final Pattern JS_QUERY = Pattern.compile("query:\\s*'([^']*)'");

	@Test
	void everyDocumentedOperationIsValidAgainstTheSchema() throws IOException {
		GraphQLSchema schema = schema();
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (Path doc : documents()) {
			for (String operation : operations(Files.readString(doc))) {
				checked++;
				List<ValidationError> errors = new Validator().validateDocument(schema, Parser.parse(operation),
						Locale.ENGLISH);
				if (!errors.isEmpty()) {
					problems.add(doc + ": " + operation + "\n    " + errors);
				}
			}
		}
		assertThat(problems).isEmpty();
		// the README's first example, docs/api.md's paging, subscription and
		// Idempotency-Key examples at least
		assertThat(checked).isGreaterThanOrEqualTo(6);
	}

	static List<String> operations(String markdown) throws IOException {
		List<String> operations = new ArrayList<>();
		Matcher fence = FENCE.matcher(markdown);
		while (fence.find()) {
			String language = fence.group(1);
			String code = fence.group(2);
			if (language.equals("graphql")) {
				operations.add(code);
				continue;
			}
			Matcher json = JSON_QUERY.matcher(code);
			while (json.find()) {
				operations.add(new ObjectMapper().readValue(json.group(1), String.class));
			}
			Matcher js = JS_QUERY.matcher(code);
			while (js.find()) {
				operations.add(js.group(1));
			}
		}
		return operations;
	}

	private static List<Path> documents() throws IOException {
		List<Path> documents = new ArrayList<>();
		documents.add(Path.of("README.md"));
		try (Stream<Path> docs = Files.list(Path.of("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
		}
		return documents;
	}

	private static GraphQLSchema schema() throws IOException {
		TypeDefinitionRegistry types = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("graphql-schema"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".graphqls")).toList()) {
				types.merge(new SchemaParser().parse(Files.readString(file)));
			}
		}
		// the Relay connection types, generated as the application's schema gets them
		new ConnectionTypeDefinitionConfigurer().configure(types);
		// the mocked wiring's own scalars cannot parse a literal: the scalars come from
		// the wiring below
		RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new MockedWiringFactory() {

			@Override
			public boolean providesScalar(ScalarWiringEnvironment environment) {
				return false;
			}

		});
		types.scalars()
			.keySet()
			.stream()
			.filter((name) -> !ScalarInfo.isGraphqlSpecifiedScalar(name))
			.forEach((name) -> wiring.scalar(literal(name)));
		return new SchemaGenerator().makeExecutableSchema(types, wiring.build());
	}

	/**
	 * The application's own scalars (DateTime, Date, Long) as the validator needs them: a
	 * string or number literal in an example passes; its format is the server's to check.
	 */
	@SuppressWarnings("deprecation")
	private static GraphQLScalarType literal(String name) {
		return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {

			@Override
			public Object serialize(Object value) {
				return value;
			}

			@Override
			public Object parseValue(Object input) {
				return input;
			}

			@Override
			public Object parseLiteral(Object input) {
				if (input instanceof StringValue || input instanceof IntValue) {
					return input;
				}
				throw new CoercingParseLiteralException(name + " takes a string or a number");
			}

		}).build();
	}

}
