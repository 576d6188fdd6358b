package at.alma.mentoring.platform;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import at.alma.mentoring.platform.graphql.GraphQlErrors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An internal failure reaches the client as an opaque {@code INTERNAL_ERROR} with an id
 * for the log: no SQL, no stack trace, no class or table name.
 */
class GraphQlErrorsTests {

	@Test
	void anInternalErrorIsOpaque() {
		RuntimeException sql = new DataIntegrityViolationException(
				"could not execute statement [Duplicate entry 'a@b.c' for key 'members.uk_members_email'] "
						+ "[insert into members (email,password_hash) values (?,?)]",
				new SQLIntegrityConstraintViolationException("Duplicate entry 'a@b.c' for key 'uk_members_email'"));
		RuntimeException bug = new IllegalStateException("at.alma.mentoring.member.Accounts: secret state");
		for (RuntimeException failure : List.of(sql, bug)) {
			ExecutionResult result = execute(failure);
			assertThat(result.getErrors()).singleElement().satisfies((error) -> {
				assertThat(error.getMessage()).matches("INTERNAL_ERROR for [0-9a-f-]+");
				assertThat(error.toSpecification().toString()).doesNotContainIgnoringCase("insert")
					.doesNotContainIgnoringCase("duplicate")
					.doesNotContain("members")
					.doesNotContain("Exception")
					.doesNotContain("at.alma")
					.doesNotContain("java.");
			});
			assertThat(result.getErrors().stream().map(GraphQLError::getExtensions))
				.allSatisfy((extensions) -> assertThat(String.valueOf(extensions)).doesNotContain("Exception"));
		}
	}

	@Test
	void anUnreachableDatabaseIsServiceUnavailable() {
		RuntimeException poolTimeout = new CannotCreateTransactionException("Could not open JPA EntityManager",
				new org.hibernate.exception.JDBCConnectionException("Unable to acquire JDBC Connection",
						new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
		RuntimeException engineLostConnection = new org.camunda.bpm.engine.ProcessEngineException(
				"ENGINE-03083 Exception while executing Batch Database Operations",
				new SQLException("Communications link failure", "08S01"));
		// the connection broke mid-transaction, the pool closed it, and the rollback
		// failure
		// is all that reaches the resolver
		RuntimeException rollbackOnClosedConnection = new org.springframework.orm.jpa.JpaSystemException(
				new org.hibernate.TransactionException("Unable to rollback against JDBC Connection",
						new SQLException("Connection is closed")));
		for (RuntimeException failure : List.of(poolTimeout, engineLostConnection, rollbackOnClosedConnection)) {
			ExecutionResult result = execute(failure);
			assertThat(result.getErrors()).singleElement().satisfies((error) -> {
				assertThat(error.getExtensions()).containsEntry("code", "SERVICE_UNAVAILABLE");
				assertThat(error.getMessage()).contains("nothing was changed").doesNotContain("Hikari");
			});
		}
		assertThat(execute(new IllegalStateException("bug")).getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getMessage()).startsWith("INTERNAL_ERROR"));
	}

	/**
	 * Runs {@code { boom }} failing with {@code failure}. An unresolved failure is logged
	 * with its stack trace for the operator; the log line is captured here (and checked),
	 * so that a green build's output shows no expected ERROR.
	 */
	private static ExecutionResult execute(RuntimeException failure) {
		Logger log = (Logger) LoggerFactory
			.getLogger("org.springframework.graphql.execution.ExceptionResolversExceptionHandler");
		ListAppender<ILoggingEvent> captured = new ListAppender<>();
		captured.start();
		boolean additive = log.isAdditive();
		log.addAppender(captured);
		log.setAdditive(false);
		try {
			ExecutionResult result = run(failure);
			boolean internal = result.getErrors()
				.stream()
				.anyMatch((error) -> error.getMessage().startsWith("INTERNAL_ERROR"));
			if (internal) {
				assertThat(captured.list).anySatisfy((event) -> assertThat(event.getThrowableProxy()).isNotNull());
			}
			return result;
		}
		finally {
			log.detachAppender(captured);
			log.setAdditive(additive);
		}
	}

	private static ExecutionResult run(RuntimeException failure) {
		return GraphQL.newGraphQL(
				new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("type Query { boom: String }"),
						RuntimeWiring.newRuntimeWiring().type("Query", (type) -> type.dataFetcher("boom", (env) -> {
							throw failure;
						})).build()))
			.defaultDataFetcherExceptionHandler(
					DataFetcherExceptionResolver.createExceptionHandler(List.of(new GraphQlErrors())))
			.build()
			.execute("{ boom }");
	}

}
