import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Startup on H2, the app against {@code bench/bare-app} (the same starters, no domain code), taking turns: each run
 * starts each app on a fresh database (Flyway, the engine's schema, the first BPMN deployment) and then once more on
 * the database that start created (a restart, as after a deployment). The time is Boot's "process running for";
 * each fresh start's log is cut into phases at lines both apps write in the same order.
 */
final class Startup {

	/** "app", "app restart", "bare", "bare restart" -> seconds of each run. */
	final Map<String, List<Double>> seconds = new LinkedHashMap<>();

	/** The same keys -> seconds per phase of each run ({@link #PHASES}). */
	final Map<String, List<double[]>> phases = new LinkedHashMap<>();

	static Startup measure(Path jar, Path bareJar) throws Exception {
		Startup startup = new Startup();
		for (int run = 0; run < Settings.STARTUP_RUNS; run++) {
			for (String which : new String[] { "app", "bare" }) {
				Path dir = Files.createTempDirectory(Run.WORK, "startup-" + which);
				Path jarFile = which.equals("app") ? jar : bareJar;
				startup.once(which, jarFile, dir, "server.log");
				startup.once(which + " restart", jarFile, dir, "server-restart.log");
			}
		}
		return startup;
	}

	private void once(String key, Path jar, Path dir, String logName) throws Exception {
		int port = Host.freePort();
		Path logFile = dir.resolve(logName);
		ProcessBuilder pb = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port)
			.directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(logFile.toFile());
		pb.environment().remove("SPRING_PROFILES_ACTIVE");
		Process p = pb.start();
		double[] t;
		try {
			t = Server.waitStarted(p, logFile, 240);
		}
		finally {
			Server.stop(p);
		}
		this.seconds.computeIfAbsent(key, (k) -> new ArrayList<>()).add(t[1]);
		this.phases.computeIfAbsent(key, (k) -> new ArrayList<>())
			.add(phasesOf(Files.readString(logFile, StandardCharsets.ISO_8859_1), t[1]));
		Run.log("startup " + key + ": process running for " + t[1] + " s (context " + t[0] + " s)");
	}

	/** The median seconds of phase {@code phase} over the runs of {@code which}. */
	double medianPhase(String which, int phase) {
		List<Double> values = new ArrayList<>();
		for (double[] run : this.phases.getOrDefault(which, List.of())) {
			if (!Double.isNaN(run[phase])) {
				values.add(run[phase]);
			}
		}
		return Samples.median(values);
	}

	/**
	 * Where a startup's time went, from the log lines both apps write in the same order: each phase ends with the
	 * first line matching its pattern. The first phase starts at JVM start ("process running for" before "Started").
	 */
	static final String[][] PHASES = {
			{ "JVM start, jar opened, Spring Boot starting", " : Starting \\w+ v" },
			{ "configuration classes, bean definitions, Tomcat created",
					"Root WebApplicationContext: initialization completed" },
			{ "early beans (security, web, Camunda REST config)", "HikariPool-1 - Starting" },
			{ "connection pool and Flyway migrations",
					"Successfully applied \\d+ migrations|Schema .* is up to date|No migration necessary" },
			{ "Hibernate (JPA EntityManagerFactory)", "Initialized JPA EntityManagerFactory" },
			{ "Spring Data repositories and beans before the engine", "STARTER-SB040" },
			{ "Camunda process engine built (incl. its schema)", "ENGINE-00001 Process Engine" },
			{ "beans after the engine, GraphQL schema", "GraphQL endpoint HTTP POST" },
			{ "web endpoints, BPMN deployment, Tomcat started", "Started \\w+ in " } };

	static final Pattern LOG_TIME = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z)");

	static double[] phasesOf(String log, double processSeconds) {
		double[] ends = new double[PHASES.length];
		Arrays.fill(ends, Double.NaN);
		Pattern[] patterns = Arrays.stream(PHASES)
			.map((ph) -> Pattern.compile(ph[1]))
			.toArray(Pattern[]::new);
		for (String line : log.split("\n")) {
			Matcher time = LOG_TIME.matcher(line);
			if (!time.find()) {
				continue;
			}
			for (int i = 0; i < patterns.length; i++) {
				if (Double.isNaN(ends[i]) && patterns[i].matcher(line).find()) {
					ends[i] = Instant.parse(time.group(1)).toEpochMilli() / 1000.0;
				}
			}
		}
		double[] phases = new double[ends.length];
		double previous = ends[ends.length - 1] - processSeconds; // the JVM's start
		for (int i = 0; i < ends.length; i++) {
			phases[i] = (Double.isNaN(ends[i]) || ends[i] < previous) ? Double.NaN : ends[i] - previous;
			if (!Double.isNaN(ends[i])) {
				previous = Math.max(previous, ends[i]);
			}
		}
		return phases;
	}

}
