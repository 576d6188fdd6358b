import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole benchmark (bench/README.md, steps 1-7): the database's limit, startup against the bare app, then one
 * server on MariaDB with JFR: SQL per operation, the GraphQL load phases, certificate rendering, reads with 10,000
 * mentorships, the engine REST load phases, heap and JFR summaries. One result file.
 */
final class FullRun {

	private FullRun() {
	}

	static void run(Path jar, Path bareJar, SmtpSink smtp) throws Exception {
		long t0 = System.nanoTime();
		Server server = null;
		try {
			Results results = new Results();
			results.limit = DatabaseLimit.measure();
			results.startup = Startup.measure(jar, bareJar);
			Db.fresh();
			server = Server.underTest(jar, smtp.port());
			String pid = Long.toString(server.pid());
			Run.FACTS.put("load average before the load phases", Host.load());
			App app = new App(server.base());
			// warm-up: JIT, connection pools, Jasper compile; not recorded
			Run.log("warm-up");
			new LoadPhase(app, 2, 12, new Samples(), false).run();
			results.sql.lifecycleSteps(app);
			for (int n : Settings.USERS) {
				LoadPhase phase = new LoadPhase(app, n, Settings.PHASE_SECONDS, new Samples(), false);
				phase.run();
				results.load.put(n, phase);
			}
			certificateRendering(results);
			results.reads = Reads.measure(app, results.sql);
			for (int n : Settings.ENGINE_USERS) {
				LoadPhase phase = new LoadPhase(app, n, Math.max(10, Settings.PHASE_SECONDS * 2 / 3), new Samples(),
						true);
				phase.run();
				results.engine.put(n, phase);
			}
			results.heap = heap(pid);
			Host.sh("jcmd", pid, "JFR.dump", "name=load", "filename=" + Run.WORK.resolve("server.jfr"));
			Run.FACTS.put("load average at end", Host.load());
			Run.FACTS.put("mails received by the SMTP sink", smtp.count.get());
			server.stop();
			results.hotMethods = JfrSummary.of(Run.WORK.resolve("server.jfr"));
			results.startupMethods = JfrSummary.of(Run.WORK.resolve("startup.jfr"));
			Run.FACTS.put("total run time", Math.round((System.nanoTime() - t0) / 1e9) + " s");
			results.write();
		}
		finally {
			if (server != null) {
				server.stop();
			}
		}
	}

	/** The certificate issuing job's durations from the engine's history (ACT_HI_ACTINST), after warm-up. */
	private static void certificateRendering(Results results) throws Exception {
		try (Connection c = Db.root(Settings.DB); Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("select DURATION_ from ACT_HI_ACTINST where ACT_ID_ = "
						+ "'Task_IssueCertificates' and DURATION_ is not null order by START_TIME_, ID_")) {
			List<Long> all = new ArrayList<>();
			while (rs.next()) {
				all.add(rs.getLong(1));
			}
			// after warm-up: leave out the first five (JIT, font loading, report compile)
			for (int i = Math.min(5, all.size() / 2); i < all.size(); i++) {
				results.render.add("issue job (2 PDFs)", all.get(i) * 1_000_000L);
			}
			results.renderFirst = all.isEmpty() ? -1 : all.get(0);
		}
	}

	/** The heap after the run and the live set after a full GC. */
	private static String heap(String pid) {
		String before = Host.sh("jcmd", pid, "GC.heap_info");
		Host.sh("jcmd", pid, "GC.run");
		String after = Host.sh("jcmd", pid, "GC.heap_info");
		return "after the run:\n" + indent(before) + "after a full GC (jcmd GC.run), the live set:\n" + indent(after);
	}

	private static String indent(String s) {
		return s.lines().map((l) -> "    " + l).reduce("", (a, b) -> a + b + "\n");
	}

}
