package at.alma.mentoring.platform.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * {@code DateTime}: an ISO-8601 instant with offset. Output is UTC
 * ("2026-03-29T07:30:00Z"); input must carry an offset and is read as the instant it
 * names.
 */
final class DateTimeScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("An ISO-8601 date-time with offset, e.g. 2026-03-29T09:30:00+02:00")
		.coercing(new InstantCoercing())
		.build();

	private DateTimeScalar() {
	}

	private static final class InstantCoercing implements Coercing<Instant, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			Instant instant;
			if (value instanceof Instant i) {
				instant = i;
			}
			else if (value instanceof OffsetDateTime odt) {
				instant = odt.toInstant();
			}
			else if (value instanceof ZonedDateTime zdt) {
				instant = zdt.toInstant();
			}
			else {
				throw new CoercingSerializeException("Not a date-time: " + value.getClass().getSimpleName());
			}
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
		}

		@Override
		public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
			if (!(input instanceof String text)) {
				throw new CoercingParseValueException("DateTime must be a string");
			}
			return parse(text, CoercingParseValueException::new);
		}

		@Override
		public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			if (!(input instanceof StringValue text)) {
				throw new CoercingParseLiteralException("DateTime must be a string");
			}
			return parse(text.getValue(), CoercingParseLiteralException::new);
		}

		private static <E extends RuntimeException> Instant parse(String text, Function<String, E> error) {
			try {
				return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw error.apply("DateTime needs an ISO-8601 date-time with offset, e.g. 2026-03-29T09:30:00+02:00");
			}
		}

	}

}
