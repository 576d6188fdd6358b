import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole run's result file: the facts, the tables (throughput, latency and SQL per operation, ours against the
 * engine's REST call, reads, certificate rendering, startup, heap), the JFR summaries and every raw sample.
 */
final class Results {

	DatabaseLimit limit;

	Startup startup;

	final Map<Integer, LoadPhase> load = new LinkedHashMap<>();

	final Map<Integer, LoadPhase> engine = new LinkedHashMap<>();

	final SqlCounts sql = new SqlCounts();

	/** The certificate issuing job's durations from the engine's history, after warm-up. */
	final Samples render = new Samples();

	long renderFirst;

	Reads reads;

	String heap = "";

	String hotMethods = "";

	String startupMethods = "";

	void write() throws Exception {
		StringBuilder out = new StringBuilder();
		out.append("# alma-mentoring load benchmark\n\n");
		out.append(Run.facts());
		out.append("\n");
		out.append(table());
		out.append("\n## Heap (jcmd GC.heap_info)\n\n").append(this.heap);
		out.append("\n## Hot methods of the server under load (JFR jdk.ExecutionSample, after startup to the end)\n\n")
			.append(this.hotMethods);
		out.append("\n## Hot methods during the server's startup on MariaDB (JFR jdk.ExecutionSample)\n\n")
			.append(this.startupMethods);
		out.append("\n## Raw samples (milliseconds, in the order taken)\n\n");
		this.limit.samples.get(1).appendRaw(out, "database insert+commit, 1 thread");
		this.limit.samples.get(4).appendRaw(out, "database insert+commit, 4 threads");
		for (var e : this.load.entrySet()) {
			e.getValue().samples.appendRaw(out, "GraphQL, " + e.getKey() + " user(s)");
		}
		for (var e : this.engine.entrySet()) {
			e.getValue().samples.appendRaw(out, "engine REST, " + e.getKey() + " user(s)");
		}
		this.reads.oneUser.appendRaw(out, "reads, 1 user");
		this.reads.fourUsers.appendRaw(out, "reads, 4 users");
		this.render.appendRaw(out, "certificate issuing job (history DURATION_)");
		out.append("startup (s, process running for): ").append(this.startup.seconds).append("\n");
		this.startup.phases.forEach((which, runs) -> runs.forEach((run) -> out.append("startup phases (s), ")
			.append(which)
			.append(": ")
			.append(Arrays.toString(run))
			.append("\n")));
		System.out.println();
		System.out.println(table());
		Run.writeResult("", out.toString());
	}

	String table() {
		StringBuilder t = new StringBuilder();
		t.append("## Throughput\n\n");
		t.append("| path | users | lifecycles | failed | lifecycles/s | mutations/s | mutations/s ÷ DB commits/s (1 thread) |\n");
		t.append("|---|---:|---:|---:|---:|---:|---:|\n");
		double commits1 = this.limit.commitsPerSecond.getOrDefault(1, Double.NaN);
		for (var e : this.load.entrySet()) {
			LoadPhase p = e.getValue();
			t.append(String.format(Locale.ROOT, "| GraphQL | %d | %d | %d | %.2f | %.1f | %.3f |%n", e.getKey(),
					p.completed.get(), p.failed.get(), p.lifecyclesPerSecond(), p.mutationsPerSecond(),
					p.mutationsPerSecond() / commits1));
		}
		for (var e : this.engine.entrySet()) {
			LoadPhase p = e.getValue();
			t.append(String.format(Locale.ROOT, "| engine REST | %d | %d | %d | %.2f | %.1f | %.3f |%n", e.getKey(),
					p.completed.get(), p.failed.get(), p.lifecyclesPerSecond(), p.mutationsPerSecond(),
					p.mutationsPerSecond() / commits1));
		}
		t.append(String.format(Locale.ROOT,
				"%nDatabase limit (JDBC single-row insert + commit, InnoDB): %.0f/s with 1 thread, %.0f/s with 4 threads (p50 %.2f ms).%n",
				commits1, this.limit.commitsPerSecond.getOrDefault(4, Double.NaN),
				this.limit.samples.get(1).pct("commit", 50)));
		t.append("GraphQL lifecycle = 13 mutations (2 sign-ups, request, accept, save/submit/approve agreement, propose/schedule meeting, 2 confirmations, propose/confirm closure) + certificate poll + PDF download; engine lifecycle = 10 REST calls + 9 task lookups. Each user keeps up to "
				+ "3 (N=1), 2 (N=4) or 1 (N=16) lifecycles going (the meeting is proposed " + LoadPhase.MEETING_LEAD_SECONDS
				+ " s ahead and confirmed after it started); new lifecycles start for " + Settings.PHASE_SECONDS
				+ " s, the phase ends with the last one's certificate (lifecycles/s and mutations/s over that time).\n");

		t.append("\n## Latency per operation (ms) and SQL statements per operation\n\n");
		t.append("SQL = statements the server sent for one operation, single user (MariaDB USER_STATISTICS of the server's DB user: select / insert+update+delete / other incl. set+commit); sync = until the response, +async = until no job is due (mail deliveries, certificate issuing), idle job-executor polling subtracted.\n\n");
		StringBuilder header = new StringBuilder("| operation |");
		StringBuilder line = new StringBuilder("|---|");
		for (int n : this.load.keySet()) {
			header.append(" N=").append(n).append(" p50 / p95 / p99 |");
			line.append("---:|");
		}
		header.append(" SQL sync (sel/upd/oth) | SQL +async |\n");
		line.append("---:|---:|\n");
		t.append(header).append(line);
		List<String> ops = new ArrayList<>(Lifecycle.APP_MUTATIONS);
		ops.add("me { certificates }");
		ops.add("certificate download (GET)");
		ops.add("lifecycle (wall)");
		ops.add("wait: meeting start -> mentee could confirm");
		ops.add("wait: closure -> certificate issued");
		for (String op : ops) {
			t.append("| ").append(op).append(" |");
			for (LoadPhase p : this.load.values()) {
					t.append(" ").append(p.samples.pcts(op)).append(" |");
				}
				String counted = op.equals("signUp") ? "signUp (mentee)" : op;
				t.append(" ").append(this.sql.cell(counted, false)).append(" | ").append(this.sql.cell(counted, true)).append(" |\n");
		}

		t.append("\n## Our mutation vs. Camunda's REST call for the same process step (p50 ms)\n\n");
		t.append("Engine column: POST /task/{id}/complete (or start / message); the client also needs the task id first (GET /task, p50 in the next column). Ratio = ours ÷ engine call; target ≤ 1.5.\n\n");
		t.append("| step | users | ours p50 | engine call p50 | + task lookup p50 | ratio | ratio vs. lookup+call | ours SQL sync | target |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
		for (var e : this.engine.entrySet()) {
			int n = e.getKey();
			LoadPhase ours = this.load.get(n);
			Samples es = e.getValue().samples;
			double lookup = es.pct("engine: task lookup (GET /task)", 50);
			for (String[] pair : Lifecycle.SAME_STEP) {
				double o = ours == null ? Double.NaN : ours.samples.pct(pair[0], 50);
				double g = es.pct(pair[1], 50);
				boolean needsLookup = pair[1].contains("complete");
				double ratio = o / g;
						t.append(String.format(Locale.ROOT, "| %s ↔ %s | %d | %.1f | %.1f | %s | %.2f | %s | %s | %s |%n",
						pair[0], pair[1].substring(8), n, o, g, needsLookup ? String.format(Locale.ROOT, "%.1f", lookup) : "–",
						ratio, needsLookup ? String.format(Locale.ROOT, "%.2f", o / (g + lookup)) : "–",
						this.sql.syncTotal(pair[0]),
						ratio <= 1.5 ? "met" : "MISSED"));
			}
		}

		t.append("\n## Reads with " + Run.FACTS.getOrDefault("read phase: mentorships rows", "?") + " mentorships ("
				+ Run.FACTS.getOrDefault("read phase: open tasks (ACT_RU_TASK)", "?") + " open tasks)\n\n");
		t.append("| query | items | 1 user p50 / p95 / p99 | 4 users p50 / p95 / p99 | SQL per request (sel/upd/oth) | p95 < 50 ms |\n|---|---:|---:|---:|---:|---|\n");
		for (var e : this.reads.items.entrySet()) {
			String op = e.getKey();
			double p95 = this.reads.oneUser.pct(op, 95);
			t.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", op, e.getValue(),
					this.reads.oneUser.pcts(op), this.reads.fourUsers.pcts(op), this.sql.cell(op, false),
					p95 < 50 ? "met" : "MISSED"));
		}

		t.append("\n## Certificate rendering (after warm-up)\n\n");
		t.append(String.format(Locale.ROOT,
				"Issuing job (renders both PDFs with JasperReports and stores them; history DURATION_): p50 %.0f ms, p95 %.0f ms over %d jobs (first job: %d ms). Download of a stored PDF: see 'certificate download (GET)'.%n",
				this.render.pct("issue job (2 PDFs)", 50), this.render.pct("issue job (2 PDFs)", 95),
				this.render.count("issue job (2 PDFs)"), this.renderFirst));

		t.append("\n## Startup (seconds from JVM start to \"Started …\" on H2, runs taking turns)\n\n");
		t.append("Each run starts each app on a fresh database (Flyway, the engine's schema, the first BPMN deployment) "
				+ "and then once more on the database it has just created (a restart).\n\n");
		t.append("| app | database | runs | best | median | best ÷ bare best | median ÷ bare median | target ≤ 1.3 |\n"
				+ "|---|---|---|---:|---:|---:|---:|---|\n");
		for (String restart : new String[] { "", " restart" }) {
			List<Double> app = this.startup.seconds.getOrDefault("app" + restart, List.of());
			List<Double> bare = this.startup.seconds.getOrDefault("bare" + restart, List.of());
			double appMin = app.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
			double bareMin = bare.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
			double appMedian = Samples.median(app);
			double bareMedian = Samples.median(bare);
			String database = restart.isEmpty() ? "fresh" : "restart";
			t.append(String.format(Locale.ROOT,
					"| alma-mentoring (H2) | %s | %s | %.1f | %.1f | %.2f | %.2f | %s |%n"
							+ "| bare Boot + Camunda + GraphQL (H2) | %s | %s | %.1f | %.1f | 1.00 | 1.00 | |%n",
					database, app, appMin, appMedian, appMin / bareMin, appMedian / bareMedian,
					Math.max(appMin / bareMin, appMedian / bareMedian) <= 1.3 ? "met"
							: appMin / bareMin <= 1.3 || appMedian / bareMedian <= 1.3 ? "met on one of the two"
									: "MISSED",
					database, bare, bareMin, bareMedian));
		}
		t.append("\nWhere the time goes on a fresh database (median seconds per phase over the runs; each phase ends at a log line both apps write):\n\n");
		t.append("| phase | alma-mentoring | bare | difference |\n|---|---:|---:|---:|\n");
		for (int i = 0; i < Startup.PHASES.length; i++) {
			double a = this.startup.medianPhase("app", i);
			double b = this.startup.medianPhase("bare", i);
			t.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %+.2f |%n", Startup.PHASES[i][0], a, b, a - b));
		}
		t.append("\n## Heap\n\n").append(heapLine(this.heap)).append("\n");
		return t.toString();
	}

	static String heapLine(String heap) {
		Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(heap);
		List<String> v = new ArrayList<>();
		while (m.find()) {
			v.add(Long.parseLong(m.group(2)) / 1024 + " MB used of " + Long.parseLong(m.group(1)) / 1024 + " MB");
		}
		return v.size() < 2 ? heap : "After the run: " + v.get(0) + "; live set after a full GC: " + v.get(1)
				+ " (-Xmx512m).";
	}

}
