package at.alma.mentoring;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts every SQL statement that goes through the application's DataSource while
 * recording: the application's own, Hibernate's, Flyway's and the Camunda engine's. The
 * DataSource is wrapped once in the shared test context (see {@link TestConfig}).
 */
public class SqlStatements implements QueryExecutionListener {

	private final List<Statement> recorded = new CopyOnWriteArrayList<>();

	private volatile boolean recording;

	/**
	 * The statements {@code action} caused, on any thread, in order. A JDBC batch counts
	 * once per statement in it: without {@code rewriteBatchedStatements}, MySQL
	 * Connector/J sends each one to the server on its own.
	 */
	public List<String> during(Runnable action) {
		return executed(action).stream().map(Statement::sql).toList();
	}

	/**
	 * The statements {@code action} caused, with the parameters each was run with (of a
	 * batch: the first set), in order.
	 */
	public List<Statement> executed(Runnable action) {
		this.recorded.clear();
		this.recording = true;
		try {
			action.run();
		}
		finally {
			this.recording = false;
		}
		return List.copyOf(this.recorded);
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		if (!this.recording) {
			return;
		}
		for (QueryInfo query : queryInfoList) {
			int times = (execInfo.isBatch() && queryInfoList.size() == 1) ? Math.max(1, execInfo.getBatchSize()) : 1;
			List<Object> parameters = query.getParametersList()
				.stream()
				.findFirst()
				.map(SqlStatements::values)
				.orElse(List.of());
			for (int i = 0; i < times; i++) {
				this.recorded.add(new Statement(query.getQuery(), parameters));
			}
		}
	}

	private static List<Object> values(List<ParameterSetOperation> operations) {
		return operations.stream()
			.filter((operation) -> operation.getArgs().length == 2 && operation.getArgs()[0] instanceof Integer)
			.sorted(Comparator.comparing((operation) -> (Integer) operation.getArgs()[0]))
			.map((operation) -> "setNull".equals(operation.getMethod().getName()) ? null : operation.getArgs()[1])
			.toList();
	}

	/**
	 * One statement as the application ran it: its SQL and its positional parameters.
	 */
	public record Statement(String sql, List<Object> parameters) {
	}

}
