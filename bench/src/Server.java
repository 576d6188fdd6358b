import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's jar as a server under test: on MariaDB ({@code mysql} profile) as the server's own database user, mail to
 * the benchmark's SMTP sink, {@code -Xmx512m}, its log in its own folder of the work folder.
 *
 * @param command the command line after {@code java}, for the result file
 * @param startupSeconds Boot's "process running for"
 */
record Server(String name, Process process, String base, Path log, String command, double startupSeconds) {

	static final Pattern STARTED = Pattern
		.compile("Started (\\w+) in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	/**
	 * Starts the jar and waits for Boot's "Started" line.
	 * @param jvmOptions options before {@code -jar} (a JFR recording)
	 * @param args the app's arguments after the common ones
	 * @param environment variables beyond the database and mail settings
	 */
	static Server start(String name, Path jar, String db, int smtpPort, List<String> jvmOptions, List<String> args,
			Map<String, String> environment) throws Exception {
		int port = Host.freePort();
		Path dir = Files.createDirectories(Run.WORK.resolve(name));
		Path logFile = dir.resolve("server.log");
		List<String> command = new ArrayList<>(List.of("java", "-Xmx512m"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--spring.profiles.active=mysql",
				// every simulated member signs up from 127.0.0.1 (production: 50 an hour)
				"--mentoring.sign-up-throttle.per-address=1000000"));
		command.addAll(args);
		ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(logFile.toFile());
		Map<String, String> env = pb.environment();
		env.put("MENTORING_DB_HOST", Settings.DB_HOST);
		env.put("MENTORING_DB_NAME", db);
		env.put("MENTORING_DB_USER", Settings.DB_USER);
		env.put("MENTORING_DB_PASSWORD", Settings.DB_PASSWORD);
		env.put("SPRING_MAIL_HOST", "127.0.0.1");
		env.put("SPRING_MAIL_PORT", Integer.toString(smtpPort));
		env.putAll(environment);
		Process p = pb.start();
		double[] t;
		try {
			t = waitStarted(p, logFile, 300);
		}
		catch (Exception ex) {
			stop(p);
			throw ex;
		}
		Server server = new Server(name, p, "http://127.0.0.1:" + port, logFile,
				String.join(" ", command.subList(1, command.size())), t[1]);
		Run.log(name + " up at " + server.base() + " (pid " + p.pid() + ")");
		return server;
	}

	/**
	 * The server under test of the whole run and of the program office: on the run's database, the program office's
	 * admin configured, with one JFR recording of the startup ({@code startup.jfr} in the work folder) and one named
	 * {@code load} of everything after it, which the caller dumps.
	 */
	static Server underTest(Path jar, int smtpPort) throws Exception {
		Server server = start("server", jar, Settings.DB, smtpPort,
				List.of("-XX:StartFlightRecording=name=startup,filename=" + Run.WORK.resolve("startup.jfr")
						+ ",settings=default"),
				List.of(), Map.of("MENTORING_ADMIN_EMAILS", Settings.OFFICE_EMAIL));
		String pid = Long.toString(server.pid());
		Run.FACTS.put("server on MariaDB: startup (process running for)", server.startupSeconds() + " s");
		Host.sh("jcmd", pid, "JFR.stop", "name=startup");
		Host.sh("jcmd", pid, "JFR.start", "name=load", "settings=default");
		Run.FACTS.put("server", "java -Xmx512m -XX:StartFlightRecording(default settings) -jar " + jar.getFileName()
				+ " --spring.profiles.active=mysql, database " + Settings.DB + " (user " + Settings.DB_USER
				+ "), SMTP sink on port " + smtpPort + ", pid " + pid);
		return server;
	}

	/** What a single-scenario run measures on the server under test; {@code t0} is the scenario's start. */
	interface Measurement {

		void measure(App app, long t0) throws Exception;

	}

	/**
	 * One scenario of {@code BENCH_ONLY}: a fresh database, the server under test on it, the measurement, the server
	 * stopped whatever happened.
	 */
	static void scenario(String name, Path jar, SmtpSink smtp, Measurement measurement) throws Exception {
		long t0 = System.nanoTime();
		Run.FACTS.put("scenario", name);
		Db.create(Settings.DB);
		Server server = underTest(jar, smtp.port());
		try {
			measurement.measure(new App(server.base()), t0);
		}
		finally {
			server.stop();
		}
	}

	long pid() {
		return this.process.pid();
	}

	void stop() throws InterruptedException {
		stop(this.process);
	}

	/** Seconds Boot reports: {context started in, process running for}. */
	static double[] waitStarted(Process p, Path logFile, int seconds) throws Exception {
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		while (System.nanoTime() < deadline) {
			if (!p.isAlive()) {
				throw new IllegalStateException(
						"server exited during startup; see " + logFile + "\n" + Host.tail(logFile, 40));
			}
			if (Files.exists(logFile)) {
				Matcher m = STARTED.matcher(Files.readString(logFile, StandardCharsets.ISO_8859_1));
				if (m.find()) {
					return new double[] { Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)) };
				}
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("not started within " + seconds + " s: " + logFile);
	}

	static void stop(Process p) throws InterruptedException {
		if (!p.isAlive()) {
			return;
		}
		p.destroy();
		if (!p.waitFor(60, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			p.waitFor();
		}
	}

}
