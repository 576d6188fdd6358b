package at.alma.mentoring.platform;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Rows that have served their time, deleted by every node by itself at a fixed delay. The
 * deletes are idempotent, so nodes running them at the same time need no coordination; a
 * failed run is logged and the next one tries again. The first run is one interval after
 * the start: starting is busy enough.
 */
public abstract class NodeCleanup implements SchedulingConfigurer {

	private final Log logger = LogFactory.getLog(getClass());

	private final String rows;

	private final Duration interval;

	/**
	 * @param rows what is deleted, for the log ("expired Idempotency-Key records")
	 * @param interval the delay between the end of one run and the start of the next
	 */
	protected NodeCleanup(String rows, Duration interval) {
		this.rows = rows;
		this.interval = interval;
	}

	@Override
	public final void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::cleanUp, this.interval, this.interval));
	}

	/** Runs the cleanup once; returns how many rows it deleted (0 when it failed). */
	public final int cleanUp() {
		try {
			int deleted = delete();
			if (deleted > 0 && this.logger.isDebugEnabled()) {
				this.logger.debug("Deleted " + deleted + " " + this.rows);
			}
			return deleted;
		}
		catch (RuntimeException ex) {
			this.logger.warn("Could not delete " + this.rows, ex);
			return 0;
		}
	}

	/** Deletes the rows; returns how many. */
	protected abstract int delete();

}
