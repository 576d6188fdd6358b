package at.alma.mentoring.platform;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.IntSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Periodic work that runs on one node at a time in a cluster: every node schedules it,
 * and a run first takes the job's lock row ({@code shedlock} table, ShedLock over JDBC
 * with the database's time); a node that finds the lock taken skips its turn. Unlike
 * {@link NodeCleanup}, for work that should not run twice at once (long purges in
 * batches). A failed run is logged and the next one tries again; the first run is one
 * interval after the start.
 */
public abstract class ClusterJob implements SchedulingConfigurer {

	private final Log logger = LogFactory.getLog(getClass());

	private final String name;

	private final String rows;

	private final Duration interval;

	private final ClusterJobs jobs;

	/**
	 * @param name the lock's name, unique per job ("chat-retention")
	 * @param rows what is removed, for the log
	 */
	protected ClusterJob(String name, String rows, Duration interval, ClusterJobs jobs) {
		this.name = name;
		this.rows = rows;
		this.interval = interval;
		this.jobs = jobs;
	}

	@Override
	public final void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::run, this.interval, this.interval));
	}

	/**
	 * Runs the job once if no other node runs it now; returns how many rows it removed,
	 * empty when another node held the lock (0 when it failed).
	 */
	public final OptionalInt run() {
		try {
			OptionalInt removed = this.jobs.alone(this.name, this::purge);
			if (removed.isEmpty()) {
				this.logger.debug("Another node runs " + this.name + "; skipped");
			}
			else if (removed.getAsInt() > 0) {
				this.logger.info("Removed " + removed.getAsInt() + " " + this.rows);
			}
			return removed;
		}
		catch (RuntimeException ex) {
			this.logger.warn("Could not remove " + this.rows, ex);
			return OptionalInt.of(0);
		}
	}

	/** The work, under the lock; returns how many rows it removed. */
	protected abstract int purge();

	/**
	 * Runs {@code batch} (one statement removing at most {@link #batchSize()} rows) in a
	 * transaction of its own, again and again until it removes fewer than a batch or the
	 * run's batches are used up; returns how many it removed.
	 */
	protected final int inBatches(IntSupplier batch) {
		return this.jobs.inBatches(batch);
	}

	protected final int batchSize() {
		return this.jobs.batchSize();
	}

}
