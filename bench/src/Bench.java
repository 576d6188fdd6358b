import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The load benchmark of alma-mentoring (bench/README.md), run through bench/run with the app's jar and the bare app's
 * jar as arguments. It records the facts every result file starts with, starts the SMTP sink the servers send to,
 * and runs either the whole benchmark ({@link FullRun}) or one scenario ({@code BENCH_ONLY}: {@link MetricsCost},
 * {@link ProgramOffice}, {@link Export}, {@link Matching}); at the end it drops the server's database user.
 *
 * <p>
 * Where to look: the phases and scenarios are {@link DatabaseLimit}, {@link Startup}, {@link LoadPhase} (with
 * {@link Lifecycle}), {@link SqlCounts}, {@link Reads}, {@link MetricsCost}, {@link ProgramOffice}, {@link Export} and {@link Matching}; the rows they
 * seed with SQL are in {@link Seed}; the shared parts are {@link Settings} (the knobs), {@link Run} (facts, log,
 * result file), {@link Server}, {@link App} (HTTP and GraphQL), {@link Db}, {@link Samples} (percentiles),
 * {@link SmtpSink}, {@link JfrSummary} and {@link Host}; the whole run's tables are {@link Results}.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]);
		Path bareJar = Path.of(args[1]);
		if (!Settings.ONLY.isEmpty() && !Settings.ONLY.equals("metrics-cost")
				&& !Settings.ONLY.equals("program-office") && !Settings.ONLY.equals("export")
				&& !Settings.ONLY.equals("matching")) {
			throw new IllegalArgumentException(
					"BENCH_ONLY knows only metrics-cost, program-office, export and matching, not " + Settings.ONLY);
		}
		Run.FACTS.put("date", ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
		Run.FACTS.put("git commit", Host.sh("git", "-C", Settings.ROOT.toString(), "rev-parse", "HEAD").strip()
				+ (Host.sh("git", "-C", Settings.ROOT.toString(), "status", "--porcelain").isBlank() ? ""
						: " (+ uncommitted changes)"));
		Run.FACTS.put("command", Settings.COMMAND);
		Run.FACTS.put("machine", Host.machine());
		Run.FACTS.put("load average at start", Host.load());
		Run.log("work folder " + Run.WORK);
		SmtpSink smtp = SmtpSink.start();
		try {
			switch (Settings.ONLY) {
				case "metrics-cost" -> MetricsCost.run(jar, smtp);
				case "program-office" -> ProgramOffice.run(jar, smtp);
				case "export" -> Export.run(jar, smtp);
				case "matching" -> Matching.run(jar, smtp);
				default -> FullRun.run(jar, bareJar, smtp);
			}
		}
		finally {
			smtp.stop();
			Db.cleanUp();
		}
	}

}
