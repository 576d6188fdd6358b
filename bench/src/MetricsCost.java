import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What metrics cost ({@code BENCH_ONLY=metrics-cost}): two servers from the same jar, each on its own fresh
 * database, "on" as shipped (Prometheus registry, GraphQL and job observations, business gauges, trace ids in the log
 * context), "off" without meters, observations and tracing. Both are warmed up; then rounds of single-user
 * lifecycles take turns between them (the order alternates). Each round compares the median latency of the
 * process-step mutations (sign-ups left out: BCrypt dominates them). The "on" node is scraped every 15 s like
 * Prometheus would.
 */
final class MetricsCost {

	private MetricsCost() {
	}

	static void run(Path jar, SmtpSink smtp) throws Exception {
		int rounds = Settings.METRICS_ROUNDS;
		int seconds = Settings.METRICS_SECONDS;
		Db.fresh();
		String offDb = Settings.DB + "_off";
		Db.create(offDb);
		Run.FACTS.put("load average at start", Host.load());
		List<Server> started = new ArrayList<>();
		ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor();
		StringBuilder out = new StringBuilder();
		try {
			Server on = node(started, jar, smtp, "metrics-on", Settings.DB, List.of());
			Server off = node(started, jar, smtp, "metrics-off", offDb,
					List.of("--management.metrics.enable.all=false", "--management.observations.enable.all=false",
							"--management.tracing.enabled=false"));
			App onApp = new App(on.base());
			Map<String, App> apps = Map.of(on.name(), onApp, off.name(), new App(off.base()));
			scraper.scheduleAtFixedRate(() -> scrape(onApp), 0, 15, TimeUnit.SECONDS);
			for (Server n : List.of(on, off)) {
				Run.log("warm-up " + n.name());
				new LoadPhase(apps.get(n.name()), 2, 15, new Samples(), false).run();
			}
			List<Double> changes = new ArrayList<>();
			out.append(String.format("%-6s %-12s %12s %12s %8s%n", "round", "order", "on median", "off median",
					"change"));
			for (int r = 0; r < rounds; r++) {
				List<Server> order = (r % 2 == 0) ? List.of(on, off) : List.of(off, on);
				Map<String, Double> medians = new HashMap<>();
				for (Server n : order) {
					Samples samples = new Samples();
					new LoadPhase(apps.get(n.name()), 1, seconds, samples, false).run();
					List<Double> steps = new ArrayList<>();
					for (String op : Lifecycle.STEP_MUTATIONS) {
						for (long nanos : samples.byOp.getOrDefault(op, List.of())) {
							steps.add(nanos / 1e6);
						}
					}
					medians.put(n.name(), Samples.median(steps));
				}
				double change = medians.get("metrics-on") / medians.get("metrics-off") - 1;
				changes.add(change);
				out.append(String.format("%-6d %-12s %10.1f ms %10.1f ms %+7.1f%%%n", r + 1,
						order.get(0).name().substring(8) + " first", medians.get("metrics-on"),
						medians.get("metrics-off"), change * 100));
			}
			double mean = changes.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
			double sd = Math.sqrt(changes.stream().mapToDouble((c) -> (c - mean) * (c - mean)).sum()
					/ Math.max(1, changes.size() - 1));
			out.append(String.format("%nmutation latency, metrics on vs off: %+.1f %% (mean of %d rounds), standard "
					+ "deviation %.1f points, range %+.1f %% .. %+.1f %%%n", mean * 100, changes.size(), sd * 100,
					changes.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN) * 100,
					changes.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN) * 100));
			Run.FACTS.put("load average at end", Host.load());
		}
		finally {
			scraper.shutdownNow();
			for (Server s : started) {
				s.stop();
			}
			Db.drop(offDb);
		}
		String file = "# metrics on vs off (bench/README.md, \"What metrics cost\")\n\n" + Run.facts()
				+ "rounds of single-user lifecycles: " + seconds + " s each\n\n" + out;
		System.out.println(file);
		Run.writeResult("-metrics-cost", file);
	}

	private static Server node(List<Server> started, Path jar, SmtpSink smtp, String name, String db,
			List<String> args) throws Exception {
		Server server = Server.start(name, jar, db, smtp.port(), List.of(), args, Map.of());
		started.add(server);
		Run.FACTS.put("server " + name, server.command() + ", database " + db);
		return server;
	}

	private static void scrape(App app) {
		try {
			app.scrape("/actuator/prometheus");
		}
		catch (Exception ex) {
			Run.log("scrape: " + ex);
		}
	}

}
