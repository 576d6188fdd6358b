package at.alma.mentoring.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.function.IntSupplier;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The machinery of {@link ClusterJob}: the cluster lock (a row per job in
 * {@code shedlock}, compared with the database's clock, so the nodes' clocks do not
 * matter) and the batches. A lock is held while the job runs, at most
 * {@link RetentionSettings#lockAtMostFor()} if its node dies, and released at the end:
 * the next node's turn runs the job again and finds little to do.
 */
@Component
public class ClusterJobs {

	private final LockingTaskExecutor executor;

	private final TransactionTemplate transactions;

	private final RetentionSettings settings;

	private final ThreadLocal<int[]> budget = new ThreadLocal<>();

	ClusterJobs(DataSource dataSource, PlatformTransactionManager transactionManager, RetentionSettings settings) {
		this.executor = new DefaultLockingTaskExecutor(
				new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(new JdbcTemplate(dataSource))
					.withTableName("shedlock")
					.usingDbTime()
					.build()));
		this.transactions = new TransactionTemplate(transactionManager);
		this.settings = settings;
	}

	/**
	 * Runs {@code work} under the lock {@code name}; empty when another node (or thread)
	 * holds it.
	 */
	public OptionalInt alone(String name, IntSupplier work) {
		// the lock's times come from the database (usingDbTime), not from this instant
		LockConfiguration lock = new LockConfiguration(Instant.now(), name, this.settings.lockAtMostFor(),
				Duration.ZERO);
		TaskResult<Integer> result;
		try {
			result = this.executor.executeWithLock(() -> {
				// the run's batches, shared by all its inBatches calls
				this.budget.set(new int[] { this.settings.maxBatches() });
				try {
					return work.getAsInt();
				}
				finally {
					this.budget.remove();
				}
			}, lock);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
		return result.wasExecuted() ? OptionalInt.of(result.getResult()) : OptionalInt.empty();
	}

	/**
	 * Runs batches until one removes less than a batch or the run's
	 * {@link RetentionSettings#maxBatches()} are used up (all calls of one run together;
	 * outside a run, per call).
	 */
	int inBatches(IntSupplier batch) {
		int[] left = this.budget.get();
		if (left == null) {
			left = new int[] { this.settings.maxBatches() };
		}
		int removed = 0;
		while (left[0] > 0) {
			left[0]--;
			Integer n = this.transactions.execute((status) -> batch.getAsInt());
			removed += n;
			if (n < this.settings.batchSize()) {
				break;
			}
		}
		return removed;
	}

	int batchSize() {
		return this.settings.batchSize();
	}

}
