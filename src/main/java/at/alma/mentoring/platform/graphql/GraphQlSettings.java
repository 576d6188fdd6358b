package at.alma.mentoring.platform.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one GraphQL request may ask for; a request over a limit is refused
 * before any resolver runs.
 *
 * @param maxDepth deepest field nesting of an operation (fragments expanded)
 * @param maxCost the operation's estimated cost: one per field, a list or connection
 * field multiplies the cost of its selection by its page size ({@code first}, or the
 * default page size) or by {@code listSize} for plain lists
 * @param maxFields fields of an operation after fragments are expanded, aliases and
 * {@code __typename} included
 * @param listSize what a plain (unpaged) list field is assumed to hold for the cost
 * @param maxDocumentSize longest query text
 * @param maxRequestSize largest HTTP body of a {@code /graphql} request (query and
 * variables); refused with 413
 * @param maxUrlLength longest URL path and query string of a {@code GET /graphql} query;
 * refused with 414 and a JSON error (Tomcat's own header limit,
 * {@code server.max-http-request-header-size}, must stay above it)
 */
@ConfigurationProperties("mentoring.graphql")
public record GraphQlSettings(@DefaultValue("12") int maxDepth, @DefaultValue("10000") int maxCost,
		@DefaultValue("300") int maxFields, @DefaultValue("10") int listSize,
		@DefaultValue("64KB") DataSize maxDocumentSize, @DefaultValue("1MB") DataSize maxRequestSize,
		@DefaultValue("8KB") DataSize maxUrlLength) {

}
