import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * SQL statements per operation: what the server's own database user sent (MariaDB's USER_STATISTICS: select /
 * insert+update+delete / other incl. set and commit), single user, one operation at a time, with the job executor's
 * idle polling subtracted. "sync" counts until the answer, "+async" until no job is due (mail deliveries, the
 * certificate job).
 */
final class SqlCounts {

	static final class Count {

		final long[] sync = new long[4];

		final long[] withAsync = new long[4];

		int runs;

	}

	final Map<String, Count> byOp = new LinkedHashMap<>();

	/** Statements per second while nothing happens: the job executor's acquisition keeps querying. */
	final double[] idlePerSecond = new double[3];

	void measureIdle() {
		Db.quiesce();
		long[] a = Db.userStats();
		long t = System.nanoTime();
		Host.sleepMs(6000);
		long[] idle = Db.minus(Db.userStats(), a);
		double idleSeconds = (System.nanoTime() - t) / 1e9;
		for (int i = 0; i < 3; i++) {
			this.idlePerSecond[i] = idle[i] / idleSeconds;
		}
	}

	/** Two single-user lifecycles through /graphql, step by step, each step counted on its own. */
	void lifecycleSteps(App app) throws Exception {
		Run.log("SQL statements per operation (single user, one step at a time)");
		measureIdle();
		for (int run = 0; run < 2; run++) {
			LoadPhase one = new LoadPhase(app, 1, 0, new Samples(), false);
			Lifecycle l = new Lifecycle();
			while (true) {
				String op = Lifecycle.stepName(l.step);
				long waitNanos = l.readyAt - System.nanoTime();
				if (waitNanos > 0) {
					Host.sleepMs(waitNanos / 1_000_000);
				}
				Db.quiesce();
				int before = l.step;
				long[] s0 = Db.userStats();
				long t0 = System.nanoTime();
				boolean done = one.appStep(l);
				long[] s1 = Db.userStats();
				if (l.step == before && !done) {
					continue; // a poll (meeting not due yet, certificate not issued yet): not counted
				}
				Db.quiesce();
				long[] s2 = Db.userStats();
				double d2 = (System.nanoTime() - t0) / 1e9;
				Count c = this.byOp.computeIfAbsent(op, (k) -> new Count());
				long[] sync = Db.minus(s1, s0);
				long[] all = Db.minus(s2, s0);
				for (int i = 0; i < 3; i++) {
					c.sync[i] += sync[i];
					c.withAsync[i] += Math.max(0, Math.round(all[i] - this.idlePerSecond[i] * d2));
				}
				c.sync[3] += sync[3];
				c.withAsync[3] += all[3];
				c.runs++;
				if (done) {
					break;
				}
			}
		}
	}

	/** {@code runs} requests one after the other, counted together as {@code op} (sync, idle rate subtracted). */
	void requests(String op, int runs, Runnable request) {
		Db.quiesce();
		long[] s0 = Db.userStats();
		long t = System.nanoTime();
		for (int i = 0; i < runs; i++) {
			request.run();
		}
		long[] s1 = Db.minus(Db.userStats(), s0);
		double secs = (System.nanoTime() - t) / 1e9;
		Count c = new Count();
		for (int i = 0; i < 3; i++) {
			c.sync[i] = Math.max(0, Math.round(s1[i] - this.idlePerSecond[i] * secs));
		}
		c.runs = runs;
		this.byOp.put(op, c);
	}

	/** The statements of one {@code op} on average, total (select/write/other), or a dash. */
	String cell(String op, boolean async) {
		Count c = this.byOp.get(op);
		if (c == null || c.runs == 0) {
			return "–";
		}
		long[] v = async ? c.withAsync : c.sync;
		double r = c.runs;
		return String.format(Locale.ROOT, "%.0f (%.0f/%.0f/%.0f)", (v[0] + v[1] + v[2]) / r, v[0] / r, v[1] / r,
				v[2] / r);
	}

	/** The sync statements of one {@code op} on average, or a dash. */
	String syncTotal(String op) {
		Count c = this.byOp.get(op);
		return c == null ? "–" : Long.toString((c.sync[0] + c.sync[1] + c.sync[2]) / c.runs);
	}

}
