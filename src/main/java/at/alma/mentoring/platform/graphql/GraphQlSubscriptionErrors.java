package at.alma.mentoring.platform.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import at.alma.mentoring.platform.DomainException;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * The errors of a subscription (sent as the graphql-ws {@code error} message): a refusal
 * carries its {@code code} as in {@link GraphQlErrors}; anything else stays opaque.
 */
@Component
class GraphQlSubscriptionErrors extends SubscriptionExceptionResolverAdapter {

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		if (ex instanceof DomainException domain) {
			return error(domain.getClassification(), domain.getMessage(), domain.getCode());
		}
		if (ex instanceof AuthenticationException) {
			return error(ErrorType.UNAUTHORIZED, "Sign in first", "UNAUTHORIZED");
		}
		return null;
	}

	private static GraphQLError error(ErrorType type, String message, String code) {
		return GraphqlErrorBuilder.newError()
			.errorType(type)
			.message(message)
			.extensions(new LinkedHashMap<>(Map.of("code", code)))
			.build();
	}

}
