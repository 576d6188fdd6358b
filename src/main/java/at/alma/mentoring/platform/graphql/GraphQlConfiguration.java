package at.alma.mentoring.platform.graphql;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.scalars.ExtendedScalars;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Scalars of the schema: {@code DateTime} (ISO-8601 with offset), {@code Date},
 * {@code Long}; the connections' cursors ({@link OpaqueCursors}); the body size limit of
 * {@code /graphql} (the operation limits are {@link GraphQlLimits}); queries over GET
 * ({@link GraphQlGetRequests}).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(DateTimeScalar.INSTANCE)
			.scalar(ExtendedScalars.Date)
			.scalar(ExtendedScalars.GraphQLLong);
	}

	/**
	 * Replaces Boot's cursors (base64 of Jackson-typed JSON) with {@link OpaqueCursors};
	 * the same type as Boot's bean, which steps back.
	 */
	@Bean
	EncodingCursorStrategy<ScrollPosition> cursorStrategy() {
		OpaqueCursors cursors = new OpaqueCursors();
		return CursorStrategy.withEncoder(cursors, cursors);
	}

	/** Caps streaming subscriptions ({@link SubscriptionLimits}). */
	@Bean
	GraphQlSourceBuilderCustomizer subscriptionLimitsVisitor(SubscriptionLimits limits) {
		return (builder) -> builder.typeVisitors(List.of(limits));
	}

	/** Before everything else, security included: an oversized body is never read. */
	@Bean
	FilterRegistrationBean<RequestSizeLimit> graphQlRequestSizeLimit(GraphQlSettings settings,
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		var registration = new FilterRegistrationBean<>(new RequestSizeLimit(settings));
		registration.setName("graphql-request-size-limit");
		registration.addUrlPatterns(path, path + "/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** After the size limit, before security: a GET query goes on as a JSON POST. */
	@Bean
	FilterRegistrationBean<GraphQlGetRequests> graphQlGetRequests(ObjectMapper json, GraphQlSettings settings,
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		var registration = new FilterRegistrationBean<>(new GraphQlGetRequests(json, path, settings));
		registration.setName("graphql-get-requests");
		registration.addUrlPatterns(path);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
