package at.alma.mentoring.platform.graphql;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.hibernate.exception.JDBCConnectionException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;

/**
 * The one mapping from exceptions to GraphQL errors for the whole API. Every error a
 * client should handle carries a stable {@code code} in {@code extensions}; anything else
 * stays the opaque {@code INTERNAL_ERROR} of Spring for GraphQL, so no stack trace, SQL
 * or class name leaves the server.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof InvalidInputException invalid) {
			return error(env, ErrorType.BAD_REQUEST, invalid.getMessage(),
					Map.of("code", invalid.getCode(), "field", invalid.getField()));
		}
		if (ex instanceof DomainException domain) {
			return error(env, domain.getClassification(), domain.getMessage(), Map.of("code", domain.getCode()));
		}
		if (ex instanceof ConstraintViolationException violations) {
			ConstraintViolation<?> first = violations.getConstraintViolations().iterator().next();
			String field = fieldOf(first);
			return error(env, ErrorType.BAD_REQUEST, field + ": " + first.getMessage(),
					Map.of("code", "INVALID_INPUT", "field", field));
		}
		if (ex instanceof BindException bind && bind.getFieldError() != null) {
			FieldError failure = bind.getFieldError();
			String field = argumentPath(env, failure);
			String problem = isMalformedId(failure)
					? "must be an ID (a UUID such as 3f2c1e5a-8b4d-4c6e-9a7f-0d1e2f3a4b5c)" : "invalid value";
			return error(env, ErrorType.BAD_REQUEST, field + ": " + problem,
					Map.of("code", "INVALID_INPUT", "field", field));
		}
		if (ex instanceof AuthenticationException || ex instanceof AccessDeniedException) {
			return isAnonymous() ? error(env, ErrorType.UNAUTHORIZED, "Sign in first", Map.of("code", "UNAUTHORIZED"))
					: error(env, ErrorType.FORBIDDEN, "Forbidden", Map.of("code", "FORBIDDEN"));
		}
		if (isDatabaseUnreachable(ex)) {
			return error(env, ErrorType.INTERNAL_ERROR,
					"The service cannot reach its database right now; nothing was changed, try again shortly",
					Map.of("code", "SERVICE_UNAVAILABLE"));
		}
		if (ex instanceof OptimisticLockingFailureException || ex instanceof PessimisticLockingFailureException
				|| ex.getClass().getName().equals("org.camunda.bpm.engine.OptimisticLockingException")) {
			return error(env, ErrorType.BAD_REQUEST, "Someone else changed this at the same moment; reload and retry",
					Map.of("code", "CONCURRENT_CHANGE"));
		}
		return null;
	}

	/**
	 * A connection to the database could not be had or broke (the pool's timeout, a reset
	 * connection): the transaction did not commit, so the client may simply retry. Looks
	 * through the causes, because JPA, Spring and Camunda wrap the driver's exception.
	 */
	public static boolean isDatabaseUnreachable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof CannotCreateTransactionException
					|| cause instanceof CannotGetJdbcConnectionException
					|| cause instanceof DataAccessResourceFailureException || cause instanceof JDBCConnectionException
					|| "08".equals(sqlStateClass(cause)) || isClosedByPool(cause)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * The pool closed a connection that broke under the transaction, and the rollback on
	 * it failed: this rollback failure replaces the original connection error.
	 */
	private static boolean isClosedByPool(Throwable ex) {
		return ex instanceof SQLException && "Connection is closed".equals(ex.getMessage());
	}

	/**
	 * The class of an SQL state, the first two characters; class 08 is a connection
	 * exception.
	 */
	private static String sqlStateClass(Throwable ex) {
		String state = (ex instanceof SQLException sql) ? sql.getSQLState() : null;
		return (state != null && state.length() >= 2) ? state.substring(0, 2) : null;
	}

	/**
	 * The binder names the value it failed on relative to the argument: {@code $} is the
	 * argument itself, {@code $.mentorshipId} a field of it. The argument's name makes
	 * that {@code id} or {@code input.mentorshipId}.
	 */
	private static String argumentPath(DataFetchingEnvironment env, FieldError failure) {
		String path = failure.getField();
		String rest = path.startsWith("$") ? path.substring(1) : "." + path;
		for (Map.Entry<String, Object> argument : env.getArguments().entrySet()) {
			Object value = argument.getValue();
			boolean matches = rest.isEmpty() ? Objects.equals(value, failure.getRejectedValue())
					: rest.startsWith("[") ? value instanceof List<?> : value instanceof Map<?, ?>;
			if (matches) {
				return argument.getKey() + rest;
			}
		}
		return path;
	}

	/** A text where the schema wants an {@code ID}: every ID of this API is a UUID. */
	private static boolean isMalformedId(FieldError failure) {
		boolean typeMismatch = failure.getCodes() != null
				&& Arrays.stream(failure.getCodes()).anyMatch((code) -> code.startsWith("typeMismatch"));
		if (!(failure.getRejectedValue() instanceof String text) || !typeMismatch) {
			return false;
		}
		try {
			UUID.fromString(text);
			return false;
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

	private static String fieldOf(ConstraintViolation<?> violation) {
		// "signUp.input.email" -> "input.email": the method name says nothing to a
		// client;
		// "input.topics[0].<list element>" -> "input.topics[0]"
		String path = violation.getPropertyPath().toString().replaceAll("\\.<[a-z ]+>", "");
		int dot = path.indexOf('.');
		return (dot < 0) ? path : path.substring(dot + 1);
	}

	private static boolean isAnonymous() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated();
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message,
			Map<String, Object> extensions) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(type)
			.message(message)
			.extensions(new LinkedHashMap<>(extensions))
			.build();
	}

}
