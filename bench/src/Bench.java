import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The load benchmark of alma-mentoring (see bench/README.md). Run through bench/run: it starts the server on a fresh
 * MariaDB database, drives complete mentorship lifecycles through /graphql and the same process steps through
 * /engine-rest, measures the database's commit rate, reads with 10,000 mentorships, startup against a bare app, and
 * writes one result file with the raw samples to bench/results/.
 */
public class Bench {

	static final ObjectMapper JSON = new ObjectMapper();

	static final String DB = env("BENCH_DB_NAME", "mentoring_bench");

	static final String DB_HOST = env("BENCH_DB_HOST", "127.0.0.1");

	// the server's own database user: its statements are counted apart
	static final String DB_USER = env("BENCH_DB_USER", "bench_app");

	static final String DB_PASSWORD = "bench-app-password";

	static final int PHASE_SECONDS = Integer.parseInt(env("BENCH_PHASE_SECONDS", "25"));

	static final int[] USERS = java.util.Arrays.stream(env("BENCH_USERS", "1,4,16").split(","))
		.mapToInt(Integer::parseInt)
		.toArray();

	static final int[] ENGINE_USERS = java.util.Arrays.stream(env("BENCH_ENGINE_USERS", "1,4,16").split(","))
		.mapToInt(Integer::parseInt)
		.toArray();

	static final int SEED_MENTORSHIPS = Integer.parseInt(env("BENCH_SEED_MENTORSHIPS", "10000"));

	static final int SEED_TASKS = Integer.parseInt(env("BENCH_SEED_TASKS", "400"));

	static final int STARTUP_RUNS = Integer.parseInt(env("BENCH_STARTUP_RUNS", "3"));

	/** {@code program-office}: only the program office scenario (see {@link ProgramOfficeScenario}). */
	static final String ONLY = env("BENCH_ONLY", "");

	static final String OFFICE_EMAIL = "office@bench.test";

	static final int MEETING_LEAD_SECONDS = 5;

	// lifecycles one user keeps going while earlier ones wait for their meeting: 3 at N=1, 2 at N=4, 1 at N=16
	static final int MAX_INFLIGHT = 3;

	static final String PASSWORD = "bench-passw0rd-4711";

	static final Path ROOT = Path.of(env("BENCH_ROOT", ".")).toAbsolutePath().normalize();

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	static final StringBuilder REPORT = new StringBuilder();

	static final Map<String, Object> FACTS = new LinkedHashMap<>();

	static final List<String> NOTES = new ArrayList<>();

	static String base;

	static Path work;

	static Process server;

	static long serverPid;

	static final AtomicLong EMAILS = new AtomicLong();

	static final String RUN = Long.toString(System.currentTimeMillis(), 36);

	public static void main(String[] args) throws Exception {
		long t0 = System.nanoTime();
		work = Files.createTempDirectory("alma-bench");
		Path jar = Path.of(args[0]);
		Path bareJar = Path.of(args[1]);
		FACTS.put("date", ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
		FACTS.put("git commit", sh("git", "-C", ROOT.toString(), "rev-parse", "HEAD").strip()
				+ (sh("git", "-C", ROOT.toString(), "status", "--porcelain").isBlank() ? "" : " (+ uncommitted changes)"));
		FACTS.put("command", env("BENCH_COMMAND", "bench/run"));
		FACTS.put("machine", machine());
		FACTS.put("load average at start", load());
		log("work folder " + work);
		SmtpSink smtp = SmtpSink.start();
		if ("metrics-cost".equals(ONLY)) {
			try {
				metricsCost(jar, smtp.port());
			}
			finally {
				smtp.stop();
				cleanupDatabaseUser();
			}
			return;
		}
		if (ONLY.equals("program-office")) {
			try {
				ProgramOfficeScenario.run(jar, smtp);
			}
			finally {
				stopServer();
				smtp.stop();
				ProgramOfficeScenario.dropDatabaseUser();
			}
			return;
		}
		else if (!ONLY.isEmpty()) {
			throw new IllegalArgumentException("BENCH_ONLY knows only metrics-cost and program-office, not " + ONLY);
		}
		try {
			Results results = new Results();
			databaseCommits(results);
			startup(results, jar, bareJar);
			freshDatabase();
			startServer(jar, smtp.port());
			FACTS.put("load average before the load phases", load());
			App app = new App();
			// warm-up: JIT, connection pools, Jasper compile; not recorded
			log("warm-up");
			new LoadPhase(app, 2, 12, new Samples(), false).run();
			sqlPerOperation(results, app);
			for (int n : USERS) {
				Samples s = new Samples();
				LoadPhase phase = new LoadPhase(app, n, PHASE_SECONDS, s, false);
				phase.run();
				results.load.put(n, phase);
			}
			certificateRendering(results);
			seedAndRead(results, app);
			for (int n : ENGINE_USERS) {
				Samples s = new Samples();
				LoadPhase phase = new LoadPhase(app, n, Math.max(10, PHASE_SECONDS * 2 / 3), s, true);
				phase.run();
				results.engine.put(n, phase);
			}
			results.heap = heap();
			sh("jcmd", Long.toString(serverPid), "JFR.dump", "name=load", "filename=" + work.resolve("server.jfr"));
			FACTS.put("load average at end", load());
			FACTS.put("mails received by the SMTP sink", smtp.count.get());
			stopServer();
			results.hotMethods = JfrSummary.of(work.resolve("server.jfr"));
			results.startupMethods = JfrSummary.of(work.resolve("startup.jfr"));
			FACTS.put("total run time", Math.round((System.nanoTime() - t0) / 1e9) + " s");
			results.write();
		}
		finally {
			stopServer();
			smtp.stop();
			cleanupDatabaseUser();
		}
	}

	// --- what metrics cost: the same jar with metrics on and off, taking turns (BENCH_ONLY=metrics-cost) ------

	static final List<String> STEP_MUTATIONS = List.of("requestMentorship", "acceptMentorshipRequest", "saveAgreement",
			"submitAgreement", "approveAgreement", "proposeMeeting", "scheduleMeeting", "proposeClosure",
			"confirmClosure");

	record Node(String name, Process process, String base, Path log) {
	}

	/**
	 * Two servers, each on its own fresh database: "on" as shipped (Prometheus registry, GraphQL and job
	 * observations, business gauges, trace ids in the log context), "off" without meters, observations and tracing.
	 * Both are warmed up; then rounds of single-user lifecycles take turns between them (the order alternates). Each
	 * round compares the median latency of the process-step mutations (sign-ups left out: BCrypt dominates them).
	 * The "on" node is scraped every 15 s like Prometheus would.
	 */
	static void metricsCost(Path jar, int smtpPort) throws Exception {
		int rounds = Integer.parseInt(env("BENCH_METRICS_ROUNDS", "6"));
		int seconds = Integer.parseInt(env("BENCH_METRICS_SECONDS", "20"));
		freshDatabase();
		String offDb = DB + "_off";
		try (Connection c = root(null); Statement st = c.createStatement()) {
			st.execute("drop database if exists " + offDb);
			st.execute("create database " + offDb + " character set utf8mb4 collate utf8mb4_bin");
			st.execute("grant all privileges on " + offDb + ".* to '" + DB_USER + "'@'127.0.0.1'");
		}
		FACTS.put("load average at start", load());
		Node on = startNode(jar, smtpPort, "metrics-on", DB);
		Node off = startNode(jar, smtpPort, "metrics-off", offDb, "--management.metrics.enable.all=false",
				"--management.observations.enable.all=false", "--management.tracing.enabled=false");
		java.util.concurrent.ScheduledExecutorService scraper = java.util.concurrent.Executors
			.newSingleThreadScheduledExecutor();
		StringBuilder out = new StringBuilder();
		try {
			scraper.scheduleAtFixedRate(() -> scrape(on), 0, 15, java.util.concurrent.TimeUnit.SECONDS);
			App app = new App();
			for (Node n : List.of(on, off)) {
				base = n.base();
				log("warm-up " + n.name());
				new LoadPhase(app, 2, 15, new Samples(), false).run();
			}
			List<Double> changes = new ArrayList<>();
			out.append(String.format("%-6s %-12s %12s %12s %8s%n", "round", "order", "on median", "off median",
					"change"));
			for (int r = 0; r < rounds; r++) {
				List<Node> order = (r % 2 == 0) ? List.of(on, off) : List.of(off, on);
				Map<String, Double> medians = new HashMap<>();
				for (Node n : order) {
					base = n.base();
					Samples samples = new Samples();
					new LoadPhase(app, 1, seconds, samples, false).run();
					List<Double> steps = new ArrayList<>();
					for (String op : STEP_MUTATIONS) {
						for (long nanos : samples.byOp.getOrDefault(op, List.of())) {
							steps.add(nanos / 1e6);
						}
					}
					medians.put(n.name(), Results.median(steps));
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
			FACTS.put("load average at end", load());
		}
		finally {
			scraper.shutdownNow();
			stop(on.process());
			stop(off.process());
			try (Connection c = root(null); Statement st = c.createStatement()) {
				st.execute("drop database if exists " + offDb);
			}
		}
		StringBuilder file = new StringBuilder("# metrics on vs off (bench/README.md, \"What metrics cost\")\n\n");
		FACTS.forEach((k, v) -> file.append(k).append(": ").append(v).append('\n'));
		file.append("rounds of single-user lifecycles: ").append(env("BENCH_METRICS_SECONDS", "20")).append(" s each\n\n");
		file.append(out);
		Path result = ROOT.resolve("bench/results/" + FACTS.get("date").toString().replace(":", "")
				+ "-metrics-cost.txt");
		Files.writeString(result, file.toString());
		System.out.println(file);
		log("wrote " + result);
	}

	static Node startNode(Path jar, int smtpPort, String name, String db, String... args) throws Exception {
		int port = freePort();
		Path dir = Files.createDirectories(work.resolve(name));
		Path logFile = dir.resolve("server.log");
		List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", jar.toString(),
				"--server.port=" + port, "--spring.profiles.active=mysql",
				"--mentoring.sign-up-throttle.per-address=1000000"));
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(logFile.toFile());
		Map<String, String> env = appEnvironment(pb, db, smtpPort);
		Process p = pb.start();
		waitStarted(p, logFile, 300);
		FACTS.put("server " + name, String.join(" ", command.subList(1, command.size())) + ", database " + db);
		log(name + " up on port " + port);
		return new Node(name, p, "http://127.0.0.1:" + port, logFile);
	}

	static void scrape(Node node) {
		try {
			HttpRequest r = HttpRequest.newBuilder(URI.create(node.base() + "/actuator/prometheus"))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString("operator:operator-dev-password".getBytes(StandardCharsets.UTF_8)))
				.GET()
				.build();
			HTTP.send(r, HttpResponse.BodyHandlers.discarding());
		}
		catch (Exception ex) {
			log("scrape: " + ex);
		}
	}

	// --- the database's own limit ---------------------------------------------------------------------------

	static void databaseCommits(Results results) throws Exception {
		String db = DB + "_commits";
		try (Connection c = root(null); Statement st = c.createStatement()) {
			st.execute("drop database if exists " + db);
			st.execute("create database " + db);
			st.execute("create table " + db
					+ ".commits (id bigint auto_increment primary key, body varchar(200) not null, at datetime(6) not null) engine=InnoDB");
		}
		for (int threads : new int[] { 1, 4 }) {
			AtomicLong done = new AtomicLong();
			long end = System.nanoTime() + 5_000_000_000L;
			List<Thread> all = new ArrayList<>();
			Samples s = new Samples();
			for (int t = 0; t < threads; t++) {
				Thread th = new Thread(() -> {
					try (Connection c = root(db)) {
						c.setAutoCommit(false);
						PreparedStatement ps = c.prepareStatement("insert into commits (body, at) values (?, ?)");
						while (System.nanoTime() < end) {
							long a = System.nanoTime();
							ps.setString(1, "row " + a);
							ps.setTimestamp(2, Timestamp.from(Instant.now()));
							ps.executeUpdate();
							c.commit();
							s.add("commit", System.nanoTime() - a);
							done.incrementAndGet();
						}
					}
					catch (Exception ex) {
						throw new RuntimeException(ex);
					}
				});
				th.start();
				all.add(th);
			}
			for (Thread th : all) {
				th.join();
			}
			results.commitsPerSecond.put(threads, done.get() / 5.0);
			results.commitSamples.put(threads, s);
			log("database: " + threads + " thread(s) " + done.get() / 5.0 + " insert+commit/s");
		}
		try (Connection c = root(null); Statement st = c.createStatement()) {
			st.execute("drop database if exists " + db);
		}
	}

	// --- startup: the app on H2 against a bare Spring Boot + Camunda + GraphQL app -----------------------------

	static final Pattern STARTED = Pattern
		.compile("Started (\\w+) in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	static void startup(Results results, Path jar, Path bareJar) throws Exception {
		for (int run = 0; run < STARTUP_RUNS; run++) {
			for (String which : new String[] { "app", "bare" }) {
				// a fresh database (Flyway, the engine's schema, the first BPMN deployment), then a restart on it
				Path dir = Files.createTempDirectory(work, "startup-" + which);
				Path jarFile = which.equals("app") ? jar : bareJar;
				startOnce(results, which, jarFile, dir, "server.log");
				startOnce(results, which + " restart", jarFile, dir, "server-restart.log");
			}
		}
	}

	static void startOnce(Results results, String key, Path jar, Path dir, String logName) throws Exception {
		int port = freePort();
		Path logFile = dir.resolve(logName);
		ProcessBuilder pb = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port)
			.directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(logFile.toFile());
		pb.environment().remove("SPRING_PROFILES_ACTIVE");
		Process p = pb.start();
		double[] t = waitStarted(p, logFile, 240);
		stop(p);
		results.startup.computeIfAbsent(key, (k) -> new ArrayList<>()).add(t[1]);
		results.startupPhases.computeIfAbsent(key, (k) -> new ArrayList<>())
			.add(startupPhases(Files.readString(logFile, StandardCharsets.ISO_8859_1), t[1]));
		log("startup " + key + ": process running for " + t[1] + " s (context " + t[0] + " s)");
	}

	/**
	 * Where a startup's time went, from the log lines both apps write in the same order: each phase ends with the
	 * first line matching its pattern. The first phase starts at JVM start ("process running for" before "Started").
	 */
	static final String[][] STARTUP_PHASES = {
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

	static double[] startupPhases(String log, double processSeconds) {
		double[] ends = new double[STARTUP_PHASES.length];
		java.util.Arrays.fill(ends, Double.NaN);
		Pattern[] patterns = java.util.Arrays.stream(STARTUP_PHASES).map((ph) -> Pattern.compile(ph[1])).toArray(Pattern[]::new);
		for (String line : log.split("\n")) {
			Matcher time = LOG_TIME.matcher(line);
			if (!time.find()) {
				continue;
			}
			for (int i = 0; i < patterns.length; i++) {
				if (Double.isNaN(ends[i]) && patterns[i].matcher(line).find()) {
					ends[i] = java.time.Instant.parse(time.group(1)).toEpochMilli() / 1000.0;
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

	static double[] waitStarted(Process p, Path logFile, int seconds) throws Exception {
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		while (System.nanoTime() < deadline) {
			if (!p.isAlive()) {
				throw new IllegalStateException("server exited during startup; see " + logFile + "\n"
						+ tail(logFile, 40));
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

	// --- the server under test ------------------------------------------------------------------------------

	static void freshDatabase() throws Exception {
		try (Connection c = root(null); Statement st = c.createStatement()) {
			st.execute("drop database if exists " + DB);
			st.execute("create database " + DB + " character set utf8mb4 collate utf8mb4_bin");
			st.execute("create user if not exists '" + DB_USER + "'@'127.0.0.1' identified by '" + DB_PASSWORD + "'");
			st.execute("grant all privileges on " + DB + ".* to '" + DB_USER + "'@'127.0.0.1'");
			try (ResultSet rs = st.executeQuery("select @@global.userstat")) {
				rs.next();
				FACTS.put("userstat before the run", rs.getString(1));
			}
			// per-user statement counters (information_schema.USER_STATISTICS): other clients of this MariaDB
			// (concurrent builds) and the benchmark's own connections are not counted
			st.execute("set global userstat = 1");
		}
	}

	static void cleanupDatabaseUser() {
		try (Connection c = root(null); Statement st = c.createStatement()) {
			st.execute("drop user if exists '" + DB_USER + "'@'127.0.0.1'");
			if ("0".equals(String.valueOf(FACTS.get("userstat before the run")))) {
				st.execute("set global userstat = 0");
			}
		}
		catch (Exception ex) {
			log("cleanup: " + ex);
		}
	}

	static void startServer(Path jar, int smtpPort) throws Exception {
		int port = freePort();
		base = "http://127.0.0.1:" + port;
		Path dir = Files.createDirectories(work.resolve("server"));
		Path logFile = dir.resolve("server.log");
		ProcessBuilder pb = new ProcessBuilder("java", "-Xmx512m",
				"-XX:StartFlightRecording=name=startup,filename=" + work.resolve("startup.jfr") + ",settings=default",
				"-jar", jar.toString(), "--server.port=" + port, "--spring.profiles.active=mysql",
				// every simulated member signs up from 127.0.0.1 (production: 50 an hour)
				"--mentoring.sign-up-throttle.per-address=1000000")
			.directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(logFile.toFile());
		Map<String, String> env = appEnvironment(pb, DB, smtpPort);
		env.put("MENTORING_ADMIN_EMAILS", OFFICE_EMAIL);
		server = pb.start();
		serverPid = server.pid();
		double[] t = waitStarted(server, logFile, 300);
		FACTS.put("server on MariaDB: startup (process running for)", t[1] + " s");
		// JFR: one recording of the startup, one of everything after it
		sh("jcmd", Long.toString(serverPid), "JFR.stop", "name=startup");
		sh("jcmd", Long.toString(serverPid), "JFR.start", "name=load", "settings=default");
		FACTS.put("server", "java -Xmx512m -XX:StartFlightRecording(default settings) -jar " + jar.getFileName()
				+ " --spring.profiles.active=mysql, database " + DB + " (user " + DB_USER + "), SMTP sink on port "
				+ smtpPort + ", pid " + serverPid);
		log("server up at " + base + " (pid " + serverPid + ")");
	}

	static void stopServer() throws Exception {
		if (server != null && server.isAlive()) {
			stop(server);
			Files.copy(work.resolve("server/server.log"), work.resolve("server-last.log"),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
	}

	static void stop(Process p) throws InterruptedException {
		p.destroy();
		if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
			p.destroyForcibly();
			p.waitFor();
		}
	}

	// --- HTTP clients: GraphQL as members, /engine-rest as the admin ----------------------------------------

	static final class GraphQlError extends RuntimeException {

		final String code;

		GraphQlError(String code, String message) {
			super(code + ": " + message);
			this.code = code;
		}

	}

	record Account(String id, String email, String token) {
	}

	static final class App {

		JsonNode gql(String token, String query, Map<String, Object> variables) {
			Map<String, Object> body = new HashMap<>();
			body.put("query", query);
			body.put("variables", variables);
			HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + "/graphql"))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json(body)));
			if (token != null) {
				rb.header("Authorization", "Bearer " + token);
			}
			JsonNode answer = send(rb.build());
			JsonNode errors = answer.path("errors");
			if (errors.isArray() && errors.size() > 0) {
				JsonNode e = errors.get(0);
				throw new GraphQlError(e.path("extensions").path("code").asText(e.path("extensions").path("classification").asText("ERROR")),
						e.path("message").asText());
			}
			return answer.path("data");
		}

		Account signUp(String role) {
			String email = "b" + RUN + "-" + EMAILS.incrementAndGet() + "@bench.test";
			Map<String, Object> input = Map.of("email", email, "password", PASSWORD, "firstName", "Bench",
					"lastName", role.equals("MENTOR") ? "Mentorin" : "Mentee", "roles", List.of(role), "language", "EN",
					"timeZone", "Europe/Vienna");
			JsonNode d = gql(null, "mutation($input: SignUpInput!) { signUp(input: $input) { token me { id } } }",
					Map.of("input", input));
			return new Account(d.path("signUp").path("me").path("id").asText(), email,
					d.path("signUp").path("token").asText());
		}

		byte[] download(String token, String path) {
			HttpRequest r = HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Bearer " + token)
				.GET()
				.build();
			try {
				HttpResponse<byte[]> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
				if (resp.statusCode() != 200) {
					throw new IllegalStateException("GET " + path + ": " + resp.statusCode());
				}
				return resp.body();
			}
			catch (IOException | InterruptedException ex) {
				throw new RuntimeException(ex);
			}
		}

		static final String ADMIN = "Basic "
				+ Base64.getEncoder().encodeToString("admin:Camunda-Dev-Pass-1".getBytes(StandardCharsets.UTF_8));

		JsonNode rest(String method, String path, Object body) {
			HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + "/engine-rest" + path))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", ADMIN)
				.header("Accept", "application/json");
			if (body != null) {
				rb.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(json(body)));
			}
			else {
				rb.method(method, HttpRequest.BodyPublishers.noBody());
			}
			try {
				HttpResponse<String> resp = HTTP.send(rb.build(), HttpResponse.BodyHandlers.ofString());
				if (resp.statusCode() >= 300) {
					throw new GraphQlError("HTTP_" + resp.statusCode(), method + " " + path + ": " + resp.body());
				}
				return resp.body().isEmpty() ? JSON.nullNode() : JSON.readTree(resp.body());
			}
			catch (IOException | InterruptedException ex) {
				throw new RuntimeException(ex);
			}
		}

		/** The id of the open task {@code key} in the processes of the business key, or null. */
		String task(String businessKey, String key) {
			JsonNode tasks = rest("GET", "/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + key
					+ "&firstResult=0&maxResults=10", null);
			return tasks.size() == 0 ? null : tasks.get(0).path("id").asText();
		}

		void complete(String taskId, Map<String, Object> variables) {
			rest("POST", "/task/" + taskId + "/complete", Map.of("variables", variables));
		}

		static JsonNode send(HttpRequest r) {
			try {
				HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
				if (resp.statusCode() != 200) {
					throw new GraphQlError("HTTP_" + resp.statusCode(), resp.body());
				}
				return JSON.readTree(resp.body());
			}
			catch (IOException | InterruptedException ex) {
				throw new RuntimeException(ex);
			}
		}

	}

	static Map<String, Object> var(Object value, String type) {
		Map<String, Object> v = new HashMap<>();
		v.put("value", value);
		v.put("type", type);
		return v;
	}

	static String camundaDate(Instant i) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC).format(i);
	}

	// --- samples --------------------------------------------------------------------------------------------

	static final class Samples {

		final Map<String, List<Long>> byOp = new ConcurrentHashMap<>();

		final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

		void add(String op, long nanos) {
			this.byOp.computeIfAbsent(op, (k) -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
		}

		<T> T time(String op, Supplier<T> action) {
			long a = System.nanoTime();
			T result = action.get();
			add(op, System.nanoTime() - a);
			return result;
		}

		void error(String what) {
			this.errors.computeIfAbsent(what, (k) -> new AtomicInteger()).incrementAndGet();
		}

		int count(String op) {
			List<Long> l = this.byOp.get(op);
			return l == null ? 0 : l.size();
		}

		double pct(String op, double p) {
			List<Long> l = this.byOp.get(op);
			if (l == null || l.isEmpty()) {
				return Double.NaN;
			}
			List<Long> copy;
			synchronized (l) {
				copy = new ArrayList<>(l);
			}
			Collections.sort(copy);
			int idx = (int) Math.ceil(p / 100.0 * copy.size()) - 1;
			return copy.get(Math.max(0, Math.min(idx, copy.size() - 1))) / 1e6;
		}

	}

	// --- one lifecycle, as a series of steps a user takes when they are due ----------------------------------

	static final String[] APP_MUTATIONS = { "signUp", "requestMentorship", "acceptMentorshipRequest", "saveAgreement",
			"submitAgreement", "approveAgreement", "proposeMeeting", "scheduleMeeting", "confirmMeetingHeld (mentee)",
			"confirmMeetingHeld (mentor)", "proposeClosure", "confirmClosure" };

	/** Our mutation and the engine REST call that makes the same process step. */
	static final String[][] SAME_STEP = { { "requestMentorship", "engine: start process instance" },
			{ "acceptMentorshipRequest", "engine: complete Task_ReviewRequest" },
			{ "submitAgreement", "engine: complete Task_WriteAgreement" },
			{ "approveAgreement", "engine: complete Task_ApproveAgreement" },
			{ "proposeMeeting", "engine: correlate MeetingProposed" },
			{ "scheduleMeeting", "engine: complete Task_ScheduleMeeting" },
			{ "confirmMeetingHeld (mentee)", "engine: complete Task_ConfirmByMentee" },
			{ "confirmMeetingHeld (mentor)", "engine: complete Task_ConfirmByMentor" },
			{ "proposeClosure", "engine: correlate ClosureProposed" },
			{ "confirmClosure", "engine: complete Task_ConfirmClosure" } };

	static final class Lifecycle {

		Account mentee;

		Account mentor;

		String mentorshipId;

		String meetingId;

		String processInstanceId;

		String certificatePath;

		int step;

		long readyAt;

		long startedAt = System.nanoTime();

		long meetingTimeNanos;

		int tries;

	}

	static final class LoadPhase {

		final App app;

		final int users;

		final int seconds;

		final Samples samples;

		final boolean engine;

		final AtomicInteger completed = new AtomicInteger();

		final AtomicInteger failed = new AtomicInteger();

		final AtomicInteger mutations = new AtomicInteger();

		final AtomicInteger waitingRetries = new AtomicInteger();

		volatile long lastCompletion;

		long start;

		long elapsedNanos;

		final List<long[]> seeded = Collections.synchronizedList(new ArrayList<>());

		LoadPhase(App app, int users, int seconds, Samples samples, boolean engine) {
			this.app = app;
			this.users = users;
			this.seconds = seconds;
			this.samples = samples;
			this.engine = engine;
		}

		void run() throws Exception {
			List<String[]> engineRows = this.engine ? seedEngineRows(this.users * 60) : List.of();
			AtomicInteger nextRow = new AtomicInteger();
			log((this.engine ? "engine REST" : "GraphQL") + " phase: " + this.users + " user(s), new lifecycles for "
					+ this.seconds + " s, load " + load());
			this.start = System.nanoTime();
			long startUntil = this.start + this.seconds * 1_000_000_000L;
			long hardEnd = startUntil + 90_000_000_000L;
			List<Thread> threads = new ArrayList<>();
			int maxInflight = Math.max(1, Math.min(MAX_INFLIGHT, 8 / this.users));
			for (int u = 0; u < this.users; u++) {
				Thread t = new Thread(() -> {
					List<Lifecycle> inflight = new ArrayList<>();
					while (true) {
						long now = System.nanoTime();
						Lifecycle ready = null;
						for (Lifecycle l : inflight) {
							if (l.readyAt <= now && (ready == null || l.readyAt < ready.readyAt)) {
								ready = l;
							}
						}
						if (ready != null) {
							try {
								boolean done = this.engine ? engineStep(ready) : appStep(ready);
								if (done) {
									inflight.remove(ready);
									this.completed.incrementAndGet();
									this.lastCompletion = System.nanoTime();
									this.samples.add(this.engine ? "engine: lifecycle (wall)" : "lifecycle (wall)",
											System.nanoTime() - ready.startedAt);
								}
							}
							catch (RuntimeException ex) {
								inflight.remove(ready);
								this.failed.incrementAndGet();
								this.samples.error("step " + ready.step + ": " + abbreviate(ex.getMessage()));
							}
							continue;
						}
						if (now < startUntil && inflight.size() < maxInflight) {
							Lifecycle l = new Lifecycle();
							if (this.engine) {
								int i = nextRow.getAndIncrement();
								if (i >= engineRows.size()) {
									if (inflight.isEmpty()) {
										break;
									}
									sleepMs(50);
									continue;
								}
								String[] row = engineRows.get(i);
								l.mentorshipId = row[0];
								l.mentee = new Account(row[1], null, null);
								l.mentor = new Account(row[2], null, null);
								l.meetingId = row[3];
							}
							inflight.add(l);
							continue;
						}
						if (inflight.isEmpty() || now > hardEnd) {
							if (!inflight.isEmpty()) {
								this.failed.addAndGet(inflight.size());
								this.samples.error("unfinished at the phase's end: " + inflight.size());
							}
							break;
						}
						long earliest = inflight.stream().mapToLong((l) -> l.readyAt).min().orElse(now);
						sleepMs(Math.max(1, Math.min(200, (earliest - now) / 1_000_000)));
					}
				});
				t.start();
				threads.add(t);
			}
			for (Thread t : threads) {
				t.join();
			}
			this.elapsedNanos = Math.max(1, (this.lastCompletion > 0 ? this.lastCompletion : System.nanoTime()) - this.start);
			log("  " + this.completed.get() + " lifecycles, " + this.failed.get() + " failed, " + this.mutations.get()
					+ " mutations in " + String.format(Locale.ROOT, "%.1f", this.elapsedNanos / 1e9) + " s; errors "
					+ this.samples.errors);
		}

		double lifecyclesPerSecond() {
			return this.completed.get() / (this.elapsedNanos / 1e9);
		}

		double mutationsPerSecond() {
			return this.mutations.get() / (this.elapsedNanos / 1e9);
		}

		<T> T mutation(String op, Supplier<T> action) {
			T result = this.samples.time(op, action);
			this.mutations.incrementAndGet();
			return result;
		}

		/** One step of a lifecycle through /graphql; true when the lifecycle is complete. */
		boolean appStep(Lifecycle l) {
			App a = this.app;
			switch (l.step) {
				case 0 -> l.mentee = mutation("signUp", () -> a.signUp("MENTEE"));
				case 1 -> l.mentor = mutation("signUp", () -> a.signUp("MENTOR"));
				case 2 -> l.mentorshipId = mutation("requestMentorship", () -> a.gql(l.mentee.token(),
						"mutation($id: ID!) { requestMentorship(input: {mentorId: $id, message: \"Please mentor me\"}) { mentorship { id status } } }",
						Map.of("id", l.mentor.id())))
					.path("requestMentorship").path("mentorship").path("id").asText();
				case 3 -> mutation("acceptMentorshipRequest", () -> a.gql(l.mentor.token(),
						"mutation($id: ID!) { acceptMentorshipRequest(input: {mentorshipId: $id}) { mentorship { id status } } }",
						Map.of("id", l.mentorshipId)));
				case 4 -> {
					Map<String, Object> terms = new HashMap<>();
					LocalDate today = LocalDate.now(ZoneOffset.UTC);
					terms.put("mentorshipId", l.mentorshipId);
					terms.put("periodStart", today.toString());
					terms.put("periodEnd", today.plusMonths(6).toString());
					terms.put("meetingCount", 3);
					terms.put("contactKinds", List.of("VIDEO", "IN_PERSON"));
					terms.put("contactFrequency", "every two weeks");
					terms.put("topics", List.of("Career goals", "Leadership", "Negotiation"));
					mutation("saveAgreement", () -> a.gql(l.mentee.token(),
							"mutation($input: SaveAgreementInput!) { saveAgreement(input: $input) { agreement { version status } } }",
							Map.of("input", terms)));
				}
				case 5 -> mutation("submitAgreement", () -> a.gql(l.mentee.token(),
						"mutation($id: ID!) { submitAgreement(input: {mentorshipId: $id}) { agreement { status } } }",
						Map.of("id", l.mentorshipId)));
				case 6 -> mutation("approveAgreement", () -> a.gql(l.mentor.token(),
						"mutation($id: ID!) { approveAgreement(input: {mentorshipId: $id, version: 1}) { mentorship { status } } }",
						Map.of("id", l.mentorshipId)));
				case 7 -> {
					Instant at = Instant.now().plusSeconds(MEETING_LEAD_SECONDS).truncatedTo(ChronoUnit.SECONDS);
					l.meetingTimeNanos = System.nanoTime()
							+ Duration.between(Instant.now(), at).toNanos();
					Map<String, Object> input = Map.of("mentorshipId", l.mentorshipId, "finalMeeting", true, "slots",
							List.of(Map.of("start", at.toString(), "durationMinutes", 30, "kind", "PHONE")));
					l.meetingId = mutation("proposeMeeting", () -> a.gql(l.mentee.token(),
							"mutation($input: ProposeMeetingInput!) { proposeMeeting(input: $input) { meeting { id status } } }",
							Map.of("input", input)))
						.path("proposeMeeting").path("meeting").path("id").asText();
				}
				case 8 -> {
					mutation("scheduleMeeting", () -> a.gql(l.mentor.token(),
							"mutation($id: ID!) { scheduleMeeting(input: {meetingId: $id, slot: 0}) { meeting { status } } }",
							Map.of("id", l.meetingId)));
					l.readyAt = l.meetingTimeNanos + 300_000_000L;
				}
				case 9 -> {
					// after the meeting's start the engine's timer (job executor) opens the mentee's confirmation
					try {
						mutation("confirmMeetingHeld (mentee)", () -> a.gql(l.mentee.token(),
								"mutation($id: ID!) { confirmMeetingHeld(input: {meetingId: $id}) { meeting { status } } }",
								Map.of("id", l.meetingId)));
						this.samples.add("wait: meeting start -> mentee could confirm",
								System.nanoTime() - l.meetingTimeNanos);
					}
					catch (GraphQlError ex) {
						if ((ex.code.equals("NO_OPEN_TASK") || ex.code.equals("MEETING_NOT_YET")) && ++l.tries < 400) {
							this.waitingRetries.incrementAndGet();
							l.readyAt = System.nanoTime() + 250_000_000L;
							return false;
						}
						throw ex;
					}
				}
				case 10 -> mutation("confirmMeetingHeld (mentor)", () -> a.gql(l.mentor.token(),
						"mutation($id: ID!) { confirmMeetingHeld(input: {meetingId: $id}) { meeting { status } } }",
						Map.of("id", l.meetingId)));
				case 11 -> mutation("proposeClosure", () -> a.gql(l.mentee.token(),
						"mutation($id: ID!) { proposeClosure(input: {mentorshipId: $id}) { mentorship { status } } }",
						Map.of("id", l.mentorshipId)));
				case 12 -> {
					mutation("confirmClosure", () -> a.gql(l.mentor.token(),
							"mutation($id: ID!) { confirmClosure(input: {mentorshipId: $id}) { mentorship { status } } }",
							Map.of("id", l.mentorshipId)));
					l.meetingTimeNanos = System.nanoTime(); // reused: when the certificate was asked for
				}
				case 13 -> {
					// the certificates are issued by an async job after the closure
					JsonNode certs = this.samples.time("me { certificates }", () -> a.gql(l.mentee.token(),
							"{ me { certificates { id downloadUrl } } }", Map.of()))
						.path("me").path("certificates");
					if (certs.size() == 0) {
						if (++l.tries > 600) {
							throw new IllegalStateException("no certificate 120 s after the closure");
						}
						l.readyAt = System.nanoTime() + 200_000_000L;
						return false;
					}
					this.samples.add("wait: closure -> certificate issued", System.nanoTime() - l.meetingTimeNanos);
					l.certificatePath = certs.get(0).path("downloadUrl").asText();
				}
				case 14 -> {
					byte[] pdf = this.samples.time("certificate download (GET)",
							() -> a.download(l.mentee.token(), l.certificatePath));
					if (pdf.length < 1000 || pdf[0] != '%') {
						throw new IllegalStateException("not a PDF: " + pdf.length + " bytes");
					}
					return true;
				}
				default -> throw new IllegalStateException("step " + l.step);
			}
			l.tries = 0;
			l.step++;
			return false;
		}

		/** The same process steps through /engine-rest as the admin: what a team would build on the engine alone. */
		boolean engineStep(Lifecycle l) {
			App a = this.app;
			String bk = l.mentorshipId;
			switch (l.step) {
				case 0 -> {
					Map<String, Object> vars = new HashMap<>();
					vars.put("mentorshipId", var(bk, "String"));
					vars.put("menteeId", var(l.mentee.id(), "String"));
					vars.put("mentorId", var(l.mentor.id(), "String"));
					vars.put("requestReminderAfter", var("P3D", "String"));
					vars.put("requestExpiresAt", var(camundaDate(Instant.now().plus(14, ChronoUnit.DAYS)), "Date"));
					l.processInstanceId = mutation("engine: start process instance",
							() -> a.rest("POST", "/process-definition/key/mentorship-lifecycle/start",
									Map.of("businessKey", bk, "variables", vars)))
						.path("id").asText();
				}
				case 1 -> completeStep(l, "Task_ReviewRequest", Map.of("requestOutcome", var("ACCEPTED", "String")));
				case 2 -> completeStep(l, "Task_WriteAgreement",
						Map.of("agreementVersion", var(1, "Integer"), "agreementSubmission", var(1, "Integer"),
								"agreementReminderAfter", var("P3D", "String")));
				case 3 -> completeStep(l, "Task_ApproveAgreement", Map.of("agreementDecision", var("APPROVED", "String")));
				case 4 -> mutation("engine: correlate MeetingProposed",
						() -> a.rest("POST", "/message", Map.of("messageName", "MeetingProposed", "processInstanceId",
								l.processInstanceId, "processVariables",
								Map.of("meetingId", var(l.meetingId, "String"), "confirmReminderAfter",
										var("P2D", "String")))));
				case 5 -> {
					// the meeting's time is already past: the timer is due at once
					completeStep(l, "Task_ScheduleMeeting", Map.of("scheduleDecision", var("SCHEDULED", "String"),
							"meetingStartsAt", var(camundaDate(Instant.now().minusSeconds(60)), "Date")));
					l.meetingTimeNanos = System.nanoTime();
				}
				case 6 -> {
					String task = this.samples.time("engine: task lookup (GET /task)",
							() -> a.task(bk, "Task_ConfirmByMentee"));
					if (task == null) {
						if (++l.tries > 400) {
							throw new IllegalStateException("timer did not fire");
						}
						l.readyAt = System.nanoTime() + 250_000_000L;
						return false;
					}
					this.samples.add("engine: wait schedule -> confirmation task", System.nanoTime() - l.meetingTimeNanos);
					mutation("engine: complete Task_ConfirmByMentee", () -> {
						a.complete(task, Map.of());
						return null;
					});
				}
				case 7 -> completeStep(l, "Task_ConfirmByMentor", Map.of());
				case 8 -> mutation("engine: correlate ClosureProposed",
						() -> a.rest("POST", "/message",
								Map.of("messageName", "ClosureProposed", "processInstanceId", l.processInstanceId,
										"processVariables",
										Map.of("closureConfirmerId", var(l.mentor.id(), "String"),
												"closureReminderAfter", var("P3D", "String"), "closureLapsesAfter",
												var("P14D", "String"), "closureRound", var(1, "Integer")))));
				case 9 -> {
					completeStep(l, "Task_ConfirmClosure", Map.of("closureDecision", var("CONFIRMED", "String")));
					return true;
				}
				default -> throw new IllegalStateException("step " + l.step);
			}
			l.step++;
			return false;
		}

		void completeStep(Lifecycle l, String key, Map<String, Object> variables) {
			String task = this.samples.time("engine: task lookup (GET /task)", () -> this.app.task(l.mentorshipId, key));
			if (task == null) {
				throw new IllegalStateException("no open " + key);
			}
			mutation("engine: complete " + key, () -> {
				this.app.complete(task, variables);
				return null;
			});
		}

	}

	/**
	 * Domain rows for the engine-only lifecycles, so that the process's delegates and mail steps find what they look
	 * up, as they do in the app's lifecycle: the two members, a mentorship that is already COMPLETED, its approved
	 * agreement version 1 (the agreement mails) and a scheduled meeting with its slot (the meeting mails and the
	 * invitation). Without them, every mail job of the engine's lifecycle failed and was retried, which the engine's
	 * numbers paid for. Outside the timed part.
	 */
	static List<String[]> seedEngineRows(int count) throws Exception {
		List<String[]> rows = new ArrayList<>();
		try (Connection c = root(DB)) {
			c.setAutoCommit(false);
			PreparedStatement m = memberInsert(c);
			PreparedStatement ms = mentorshipInsert(c);
			PreparedStatement av = c.prepareStatement("insert into agreement_versions (id, mentorship_id, "
					+ "version_number, status, period_start, period_end, meeting_count, contact_kinds, "
					+ "contact_frequency, submissions, saved_at, submitted_at, approved_at, approved_by, version) "
					+ "values (?, ?, 1, 'APPROVED', ?, ?, 6, 'VIDEO,CHAT', 'every two weeks', 1, ?, ?, ?, ?, 0)");
			PreparedStatement at = c.prepareStatement(
					"insert into agreement_topics (agreement_version_id, position, topic) values (?, 0, 'Career')");
			PreparedStatement mt = c.prepareStatement("insert into meetings (id, mentorship_id, mentee_id, mentor_id, "
					+ "status, final_meeting, starts_at, duration_minutes, kind, link, proposal_round, "
					+ "invitation_sequence, proposed_at, version) "
					+ "values (?, ?, ?, ?, 'SCHEDULED', false, ?, 60, 'VIDEO', 'https://meet.bench.test/a', 1, 0, ?, 0)");
			PreparedStatement sl = c.prepareStatement("insert into meeting_slots (meeting_id, position, starts_at, "
					+ "duration_minutes, kind, link) values (?, 0, ?, 60, 'VIDEO', 'https://meet.bench.test/a')");
			Instant now = Instant.now();
			Timestamp nowTs = Timestamp.from(now);
			// step 5 schedules the meeting "a minute ago", so that its timer is due at once
			Timestamp meetingTs = Timestamp.from(now.minusSeconds(60));
			for (int i = 0; i < count; i++) {
				String mentee = UUID.randomUUID().toString();
				String mentor = UUID.randomUUID().toString();
				addMember(m, mentee, "Engine", "Mentee" + i);
				addMember(m, mentor, "Engine", "Mentor" + i);
				String id = UUID.randomUUID().toString();
				addMentorship(ms, id, mentee, mentor, "COMPLETED", now.minus(2, ChronoUnit.DAYS), now);
				String version = UUID.randomUUID().toString();
				addRow(av, version, id, java.sql.Date.valueOf(LocalDate.now()),
						java.sql.Date.valueOf(LocalDate.now().plusMonths(6)), nowTs, nowTs, nowTs, mentor);
				addRow(at, version);
				String meeting = UUID.randomUUID().toString();
				addRow(mt, meeting, id, mentee, mentor, meetingTs, nowTs);
				addRow(sl, meeting, meetingTs);
				rows.add(new String[] { id, mentee, mentor, meeting });
			}
			m.executeBatch();
			ms.executeBatch();
			av.executeBatch();
			at.executeBatch();
			mt.executeBatch();
			sl.executeBatch();
			c.commit();
		}
		return rows;
	}

	/** Binds the values to the statement's parameters in order and adds the row to its batch. */
	static void addRow(PreparedStatement statement, Object... values) throws Exception {
		for (int i = 0; i < values.length; i++) {
			statement.setObject(i + 1, values[i]);
		}
		statement.addBatch();
	}

	static PreparedStatement memberInsert(Connection c) throws Exception {
		return c.prepareStatement("insert into members (id, email, password_hash, first_name, last_name, language, "
				+ "time_zone, mentor_available, mentor_capacity, created_at, version) values (?, ?, "
				+ "'{noop}not-for-sign-in', ?, ?, 'EN', 'Europe/Vienna', true, 1, ?, 0)");
	}

	static void addMember(PreparedStatement m, String id, String first, String last) throws Exception {
		m.setString(1, id);
		m.setString(2, id + "@seed.bench.test");
		m.setString(3, first);
		m.setString(4, last);
		m.setTimestamp(5, Timestamp.from(Instant.now()));
		m.addBatch();
	}

	static PreparedStatement mentorshipInsert(Connection c) throws Exception {
		return c.prepareStatement("insert into mentorships (id, mentee_id, mentor_id, status, open_pair_key, "
				+ "request_message, requested_at, decided_at, ended_at, activated_at, request_expires_at, "
				+ "last_activity_at, version, closure_round) values (?, ?, ?, ?, ?, 'seeded', ?, ?, ?, ?, ?, ?, 0, 0)");
	}

	static void addMentorship(PreparedStatement ms, String id, String mentee, String mentor, String status,
			Instant requested, Instant ended) throws Exception {
		boolean open = status.equals("REQUESTED") || status.equals("ACCEPTED") || status.equals("ACTIVE");
		boolean activated = status.equals("ACTIVE") || status.equals("COMPLETED") || status.equals("TERMINATED");
		ms.setString(1, id);
		ms.setString(2, mentee);
		ms.setString(3, mentor);
		ms.setString(4, status);
		ms.setString(5, open ? mentee + ":" + mentor : null);
		ms.setTimestamp(6, Timestamp.from(requested));
		ms.setTimestamp(7, status.equals("REQUESTED") ? null : Timestamp.from(requested.plusSeconds(3600)));
		ms.setTimestamp(8, open ? null : Timestamp.from(ended));
		ms.setTimestamp(9, activated ? Timestamp.from(requested.plusSeconds(7200)) : null);
		ms.setTimestamp(10, Timestamp.from(requested.plus(14, ChronoUnit.DAYS)));
		ms.setTimestamp(11, activated ? Timestamp.from(requested.plusSeconds(7200)) : null);
		ms.addBatch();
	}

	// --- SQL statements per operation (MariaDB USER_STATISTICS of the server's own database user) -------------

	static long[] userStats() {
		try (Connection c = root(null); Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("select SELECT_COMMANDS, UPDATE_COMMANDS, OTHER_COMMANDS, "
						+ "COMMIT_TRANSACTIONS from information_schema.USER_STATISTICS where USER = '" + DB_USER + "'")) {
			if (!rs.next()) {
				return new long[4];
			}
			return new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) };
		}
		catch (Exception ex) {
			throw new RuntimeException(ex);
		}
	}

	static long[] minus(long[] a, long[] b) {
		long[] r = new long[a.length];
		for (int i = 0; i < a.length; i++) {
			r[i] = a[i] - b[i];
		}
		return r;
	}

	/** Waits until no job is due (async continuations, mail deliveries, due timers), at most 15 s. */
	static void quiesce() {
		long deadline = System.nanoTime() + 15_000_000_000L;
		int quiet = 0;
		try (Connection c = root(DB)) {
			while (System.nanoTime() < deadline && quiet < 2) {
				try (Statement st = c.createStatement();
						ResultSet rs = st.executeQuery("select count(*) from ACT_RU_JOB where RETRIES_ > 0 and "
								+ "(DUEDATE_ is null or DUEDATE_ <= utc_timestamp())")) {
					rs.next();
					quiet = rs.getLong(1) == 0 ? quiet + 1 : 0;
				}
				sleepMs(300);
			}
		}
		catch (Exception ex) {
			throw new RuntimeException(ex);
		}
	}

	static final class SqlCount {

		long[] sync = new long[4];

		long[] withAsync = new long[4];

		int runs;

	}

	static void sqlPerOperation(Results results, App app) throws Exception {
		log("SQL statements per operation (single user, one step at a time)");
		quiesce();
		// the idle rate: the job executor's acquisition keeps querying
		long[] a = userStats();
		long t = System.nanoTime();
		sleepMs(6000);
		long[] idle = minus(userStats(), a);
		double idleSeconds = (System.nanoTime() - t) / 1e9;
		results.idlePerSecond = new double[] { idle[0] / idleSeconds, idle[1] / idleSeconds, idle[2] / idleSeconds };
		for (int run = 0; run < 2; run++) {
			LoadPhase one = new LoadPhase(app, 1, 0, new Samples(), false);
			Lifecycle l = new Lifecycle();
			while (true) {
				String op = stepName(l.step);
				long waitNanos = l.readyAt - System.nanoTime();
				if (waitNanos > 0) {
					sleepMs(waitNanos / 1_000_000);
				}
				quiesce();
				int before = l.step;
				long[] s0 = userStats();
				long t0 = System.nanoTime();
				boolean done = one.appStep(l);
				long[] s1 = userStats();
				double d1 = (System.nanoTime() - t0) / 1e9;
				if (l.step == before && !done) {
					continue; // a poll (meeting not due yet, certificate not issued yet): not counted
				}
				quiesce();
				long[] s2 = userStats();
				double d2 = (System.nanoTime() - t0) / 1e9;
				SqlCount c = results.sql.computeIfAbsent(op, (k) -> new SqlCount());
				long[] sync = minus(s1, s0);
				long[] all = minus(s2, s0);
				for (int i = 0; i < 3; i++) {
					c.sync[i] += sync[i];
					c.withAsync[i] += Math.max(0, Math.round(all[i] - results.idlePerSecond[i] * d2));
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

	static String stepName(int step) {
		return switch (step) {
			case 0 -> "signUp (mentee)";
			case 1 -> "signUp (mentor)";
			case 2 -> "requestMentorship";
			case 3 -> "acceptMentorshipRequest";
			case 4 -> "saveAgreement";
			case 5 -> "submitAgreement";
			case 6 -> "approveAgreement";
			case 7 -> "proposeMeeting";
			case 8 -> "scheduleMeeting";
			case 9 -> "confirmMeetingHeld (mentee)";
			case 10 -> "confirmMeetingHeld (mentor)";
			case 11 -> "proposeClosure";
			case 12 -> "confirmClosure";
			case 13 -> "me { certificates }";
			default -> "certificate download (GET)";
		};
	}

	// --- certificate rendering: the issuing job's duration from the engine's history ------------------------

	static void certificateRendering(Results results) throws Exception {
		try (Connection c = root(DB); Statement st = c.createStatement();
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

	// --- reads with 10,000 mentorships ----------------------------------------------------------------------

	static void seedAndRead(Results results, App app) throws Exception {
		log("seeding " + SEED_MENTORSHIPS + " mentorships (SQL) and " + SEED_TASKS + " review tasks (/engine-rest)");
		long t0 = System.nanoTime();
		Account hotMentor = app.signUp("MENTOR");
		Account hotMentee = app.signUp("MENTEE");
		int members = Math.max(200, SEED_MENTORSHIPS / 5);
		List<String> mentees = new ArrayList<>();
		List<String> mentors = new ArrayList<>();
		List<String[]> requested = new ArrayList<>();
		List<String[]> hotAchievements = new ArrayList<>();
		Random random = new Random(42);
		int hotMentorships = 300;
		try (Connection c = root(DB)) {
			c.setAutoCommit(false);
			PreparedStatement m = memberInsert(c);
			PreparedStatement roles = c.prepareStatement("insert into member_roles (member_id, role) values (?, ?)");
			for (int i = 0; i < members; i++) {
				String id = UUID.randomUUID().toString();
				boolean mentor = i % 2 == 1;
				addMember(m, id, "Seed", (mentor ? "Mentor" : "Mentee") + i);
				roles.setString(1, id);
				roles.setString(2, mentor ? "MENTOR" : "MENTEE");
				roles.addBatch();
				(mentor ? mentors : mentees).add(id);
			}
			m.executeBatch();
			roles.executeBatch();
			PreparedStatement ms = mentorshipInsert(c);
			String[] closed = { "COMPLETED", "DECLINED", "WITHDRAWN", "EXPIRED", "TERMINATED" };
			Instant now = Instant.now();
			int total = 0;
			// the hot mentor: 300 mentorships, the first 150 of them REQUESTED (each gets a review task)
			for (int i = 0; i < hotMentorships; i++, total++) {
				String id = UUID.randomUUID().toString();
				String mentee = mentees.get(i % mentees.size());
				String status = i < SEED_TASKS * 3 / 8 ? "REQUESTED" : closed[i % closed.length];
				addMentorship(ms, id, mentee, hotMentor.id(), status, now.minus(300 - i, ChronoUnit.HOURS), now);
				if (status.equals("REQUESTED")) {
					requested.add(new String[] { id, mentee, hotMentor.id() });
				}
				if (status.equals("COMPLETED") || status.equals("TERMINATED")) {
					hotAchievements.add(new String[] { id, mentee, status });
				}
			}
			// the hot mentee: 50 mentorships
			for (int i = 0; i < 50; i++, total++) {
				addMentorship(ms, UUID.randomUUID().toString(), hotMentee.id(), mentors.get(i), closed[i % closed.length],
						now.minus(100 - i, ChronoUnit.HOURS), now);
			}
			for (; total < SEED_MENTORSHIPS; total++) {
				String mentee = mentees.get(random.nextInt(mentees.size()));
				String mentor = mentors.get(random.nextInt(mentors.size()));
				boolean openOne = requested.size() < SEED_TASKS && total % 40 == 0;
				String status = openOne ? "REQUESTED" : closed[random.nextInt(closed.length)];
				String id = UUID.randomUUID().toString();
				addMentorship(ms, id, mentee, mentor, status, now.minus(random.nextInt(5000), ChronoUnit.HOURS), now);
				if (openOne) {
					requested.add(new String[] { id, mentee, mentor });
				}
				if (total % 2000 == 0) {
					ms.executeBatch();
				}
			}
			ms.executeBatch();
			// the hot mentor's Erfolge: an agreement for each activated mentorship, a completion for each completed
			PreparedStatement ach = c.prepareStatement("insert into achievements (id, member_id, kind, source_type, "
					+ "source_id, member_role, partner_id, achieved_at) values (?, ?, ?, 'MENTORSHIP', ?, 'MENTOR', ?, ?)");
			int hours = 0;
			for (String[] a : hotAchievements) {
				for (String kind : a[2].equals("COMPLETED") ? List.of("AGREEMENT_CONCLUDED", "MENTORSHIP_COMPLETED")
						: List.of("AGREEMENT_CONCLUDED")) {
					ach.setString(1, UUID.randomUUID().toString());
					ach.setString(2, hotMentor.id());
					ach.setString(3, kind);
					ach.setString(4, a[0]);
					ach.setString(5, a[1]);
					ach.setTimestamp(6, Timestamp.from(now.minus(++hours, ChronoUnit.HOURS)));
					ach.addBatch();
				}
			}
			ach.executeBatch();
			c.commit();
		}
		// review tasks through the engine (what the app's request would have started); 4 threads
		AtomicInteger next = new AtomicInteger();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			Thread th = new Thread(() -> {
				int i;
				while ((i = next.getAndIncrement()) < requested.size()) {
					String[] r = requested.get(i);
					Map<String, Object> vars = new HashMap<>();
					vars.put("mentorshipId", var(r[0], "String"));
					vars.put("menteeId", var(r[1], "String"));
					vars.put("mentorId", var(r[2], "String"));
					vars.put("requestReminderAfter", var("P3D", "String"));
					vars.put("requestExpiresAt", var(camundaDate(Instant.now().plus(14, ChronoUnit.DAYS)), "Date"));
					app.rest("POST", "/process-definition/key/mentorship-lifecycle/start",
							Map.of("businessKey", r[0], "variables", vars));
				}
			});
			th.start();
			threads.add(th);
		}
		for (Thread th : threads) {
			th.join();
		}
		try (Connection c = root(DB); Statement st = c.createStatement()) {
			st.execute("update mentorships m join ACT_RU_EXECUTION e on e.BUSINESS_KEY_ = m.id and e.PARENT_ID_ is null "
					+ "set m.process_instance_id = e.ID_ where m.process_instance_id is null and m.status = 'REQUESTED'");
			FACTS.put("read phase: mentorships rows", count(st, "select count(*) from mentorships"));
			FACTS.put("read phase: members rows", count(st, "select count(*) from members"));
			FACTS.put("read phase: open tasks (ACT_RU_TASK)", count(st, "select count(*) from ACT_RU_TASK"));
			FACTS.put("read phase: hot mentor's open tasks",
					count(st, "select count(*) from ACT_RU_TASK where ASSIGNEE_ = '" + hotMentor.id() + "'"));
			FACTS.put("read phase: hot mentor's mentorships",
					count(st, "select count(*) from mentorships where mentor_id = '" + hotMentor.id() + "'"));
			st.execute("analyze table mentorships, members, ACT_RU_TASK, ACT_RU_EXECUTION");
		}
		FACTS.put("seeding time (not measured)", Math.round((System.nanoTime() - t0) / 1e9) + " s");
		quiesce();

		String tasks = "query($n: Int) { myTasks(first: $n) { edges { node { id kind name since due mentorship { id status mentee { displayName } mentor { displayName } } } } pageInfo { hasNextPage } } }";
		String mentorships = "query($n: Int) { myMentorships(first: $n) { edges { node { id status myRole requestedAt mentee { displayName } mentor { displayName } } } pageInfo { hasNextPage } } }";
		String achievements = "query($n: Int) { me { achievements { totals { kind count } items(first: $n) { edges { node { id kind achievedAt role source { type id } partner { id displayName } } } pageInfo { hasNextPage } } } } }";
		record Read(String name, String token, String query, Map<String, Object> vars, int expected) {
		}
		List<Read> reads = List.of(new Read("myTasks (first: 10)", hotMentor.token(), tasks, Map.of("n", 10), 10),
				new Read("myTasks (first: 50)", hotMentor.token(), tasks, Map.of("n", 50), 50),
				new Read("myMentorships (first: 10)", hotMentor.token(), mentorships, Map.of("n", 10), 10),
				new Read("myMentorships (first: 50)", hotMentor.token(), mentorships, Map.of("n", 50), 50),
				new Read("me { achievements } (first: 10)", hotMentor.token(), achievements, Map.of("n", 10), 10),
				new Read("me { achievements } (first: 50)", hotMentor.token(), achievements, Map.of("n", 50), 50));
		for (Read r : reads) {
			JsonNode d = app.gql(r.token(), r.query(), r.vars());
			JsonNode list = r.name().startsWith("myTasks") ? d.path("myTasks")
					: r.name().startsWith("myMentorships") ? d.path("myMentorships")
							: d.path("me").path("achievements").path("items");
			int items = list.path("edges").size();
			if (items != r.expected()) {
				throw new IllegalStateException(r.name() + ": " + items + " items, expected " + r.expected());
			}
			results.readItems.put(r.name(), items);
			for (int i = 0; i < 20; i++) {
				app.gql(r.token(), r.query(), r.vars());
			}
			// SQL statements: 5 requests one after the other, idle rate subtracted
			quiesce();
			long[] s0 = userStats();
			long t = System.nanoTime();
			for (int i = 0; i < 5; i++) {
				app.gql(r.token(), r.query(), r.vars());
			}
			long[] s1 = minus(userStats(), s0);
			double secs = (System.nanoTime() - t) / 1e9;
			SqlCount c = new SqlCount();
			for (int i = 0; i < 3; i++) {
				c.sync[i] = Math.max(0, Math.round(s1[i] - results.idlePerSecond[i] * secs));
			}
			c.runs = 5;
			results.sql.put(r.name(), c);
			for (int i = 0; i < 200; i++) {
				results.reads.time(r.name(), () -> app.gql(r.token(), r.query(), r.vars()));
			}
			log("read " + r.name() + ": " + items + " items, p95 "
					+ String.format(Locale.ROOT, "%.1f", results.reads.pct(r.name(), 95)) + " ms");
		}
		// the same reads with 4 users at once
		for (Read r : reads) {
			CountDownLatch latch = new CountDownLatch(4);
			for (int t = 0; t < 4; t++) {
				new Thread(() -> {
					try {
						for (int i = 0; i < 50; i++) {
							results.reads4.time(r.name(), () -> app.gql(r.token(), r.query(), r.vars()));
						}
					}
					finally {
						latch.countDown();
					}
				}).start();
			}
			latch.await();
		}
	}

	static long count(Statement st, String sql) throws Exception {
		try (ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	// --- heap ---------------------------------------------------------------------------------------------

	static String heap() throws Exception {
		String before = sh("jcmd", Long.toString(serverPid), "GC.heap_info");
		sh("jcmd", Long.toString(serverPid), "GC.run");
		String after = sh("jcmd", Long.toString(serverPid), "GC.heap_info");
		return "after the run:\n" + indent(before) + "after a full GC (jcmd GC.run), the live set:\n" + indent(after);
	}

	// --- results --------------------------------------------------------------------------------------------

	static final class Results {

		final Map<Integer, Double> commitsPerSecond = new LinkedHashMap<>();

		final Map<Integer, Samples> commitSamples = new LinkedHashMap<>();

		final Map<String, List<Double>> startup = new LinkedHashMap<>();

		final Map<String, List<double[]>> startupPhases = new LinkedHashMap<>();

		final Map<Integer, LoadPhase> load = new LinkedHashMap<>();

		final Map<Integer, LoadPhase> engine = new LinkedHashMap<>();

		final Map<String, SqlCount> sql = new LinkedHashMap<>();

		double[] idlePerSecond = new double[3];

		final Samples render = new Samples();

		long renderFirst;

		final Samples reads = new Samples();

		final Samples reads4 = new Samples();

		final Map<String, Integer> readItems = new LinkedHashMap<>();

		String heap = "";

		String hotMethods = "";

		String startupMethods = "";

		void write() throws Exception {
			StringBuilder out = new StringBuilder();
			out.append("# alma-mentoring load benchmark\n\n");
			FACTS.forEach((k, v) -> out.append(String.format(Locale.ROOT, "%-50s %s%n", k + ":", v)));
			out.append("\n");
			out.append(table());
			out.append("\n## Heap (jcmd GC.heap_info)\n\n").append(this.heap);
			out.append("\n## Hot methods of the server under load (JFR jdk.ExecutionSample, after startup to the end)\n\n")
				.append(this.hotMethods);
			out.append("\n## Hot methods during the server's startup on MariaDB (JFR jdk.ExecutionSample)\n\n")
				.append(this.startupMethods);
			out.append("\n## Raw samples (milliseconds, in the order taken)\n\n");
			raw(out, "database insert+commit, 1 thread", this.commitSamples.get(1));
			raw(out, "database insert+commit, 4 threads", this.commitSamples.get(4));
			for (var e : this.load.entrySet()) {
				raw(out, "GraphQL, " + e.getKey() + " user(s)", e.getValue().samples);
			}
			for (var e : this.engine.entrySet()) {
				raw(out, "engine REST, " + e.getKey() + " user(s)", e.getValue().samples);
			}
			raw(out, "reads, 1 user", this.reads);
			raw(out, "reads, 4 users", this.reads4);
			raw(out, "certificate issuing job (history DURATION_)", this.render);
			out.append("startup (s, process running for): ").append(this.startup).append("\n");
			this.startupPhases.forEach((which, runs) -> runs.forEach((run) -> out.append("startup phases (s), ")
				.append(which)
				.append(": ")
				.append(java.util.Arrays.toString(run))
				.append("\n")));
			System.out.println();
			System.out.println(table());
			Path dir = Files.createDirectories(ROOT.resolve("bench/results"));
			String name = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
				.withZone(ZoneOffset.UTC)
				.format(Instant.now()) + ".txt";
			Files.writeString(dir.resolve(name), out.toString());
			log("results written to bench/results/" + name);
		}

		static void raw(StringBuilder out, String title, Samples s) {
			if (s == null) {
				return;
			}
			out.append("### ").append(title).append("\n");
			s.byOp.forEach((op, l) -> {
				List<Long> copy;
				synchronized (l) {
					copy = new ArrayList<>(l);
				}
				out.append(op).append(": ");
				out.append(String.join(",", copy.stream().map((n) -> String.format(Locale.ROOT, "%.2f", n / 1e6)).toList()));
				out.append("\n");
			});
			if (!s.errors.isEmpty()) {
				out.append("errors: ").append(s.errors).append("\n");
			}
			out.append("\n");
		}

		String table() {
			StringBuilder t = new StringBuilder();
			t.append("## Throughput\n\n");
			t.append("| path | users | lifecycles | failed | lifecycles/s | mutations/s | mutations/s ÷ DB commits/s (1 thread) |\n");
			t.append("|---|---:|---:|---:|---:|---:|---:|\n");
			double commits1 = this.commitsPerSecond.getOrDefault(1, Double.NaN);
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
					commits1, this.commitsPerSecond.getOrDefault(4, Double.NaN),
					this.commitSamples.get(1).pct("commit", 50)));
			t.append("GraphQL lifecycle = 13 mutations (2 sign-ups, request, accept, save/submit/approve agreement, propose/schedule meeting, 2 confirmations, propose/confirm closure) + certificate poll + PDF download; engine lifecycle = 10 REST calls + 9 task lookups. Each user keeps up to "
					+ "3 (N=1), 2 (N=4) or 1 (N=16) lifecycles going (the meeting is proposed " + MEETING_LEAD_SECONDS
					+ " s ahead and confirmed after it started); new lifecycles start for " + PHASE_SECONDS
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
			List<String> ops = new ArrayList<>(List.of(APP_MUTATIONS));
			ops.add("me { certificates }");
			ops.add("certificate download (GET)");
			ops.add("lifecycle (wall)");
			ops.add("wait: meeting start -> mentee could confirm");
			ops.add("wait: closure -> certificate issued");
			for (String op : ops) {
				t.append("| ").append(op).append(" |");
				for (LoadPhase p : this.load.values()) {
					t.append(" ").append(pcts(p.samples, op)).append(" |");
				}
				SqlCount c = this.sql.get(op);
				if (op.equals("signUp")) {
					c = this.sql.get("signUp (mentee)");
				}
				t.append(" ").append(sqlCell(c, false)).append(" | ").append(sqlCell(c, true)).append(" |\n");
			}

			t.append("\n## Our mutation vs. Camunda's REST call for the same process step (p50 ms)\n\n");
			t.append("Engine column: POST /task/{id}/complete (or start / message); the client also needs the task id first (GET /task, p50 in the next column). Ratio = ours ÷ engine call; target ≤ 1.5.\n\n");
			t.append("| step | users | ours p50 | engine call p50 | + task lookup p50 | ratio | ratio vs. lookup+call | ours SQL sync | target |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
			for (var e : this.engine.entrySet()) {
				int n = e.getKey();
				LoadPhase ours = this.load.get(n);
				Samples es = e.getValue().samples;
				double lookup = es.pct("engine: task lookup (GET /task)", 50);
				for (String[] pair : SAME_STEP) {
					double o = ours == null ? Double.NaN : ours.samples.pct(pair[0], 50);
					double g = es.pct(pair[1], 50);
					boolean needsLookup = pair[1].contains("complete");
					double ratio = o / g;
					SqlCount c = this.sql.get(pair[0]);
					t.append(String.format(Locale.ROOT, "| %s ↔ %s | %d | %.1f | %.1f | %s | %.2f | %s | %s | %s |%n",
							pair[0], pair[1].substring(8), n, o, g, needsLookup ? String.format(Locale.ROOT, "%.1f", lookup) : "–",
							ratio, needsLookup ? String.format(Locale.ROOT, "%.2f", o / (g + lookup)) : "–",
							c == null ? "–" : Long.toString((c.sync[0] + c.sync[1] + c.sync[2]) / c.runs),
							ratio <= 1.5 ? "met" : "MISSED"));
				}
			}

			t.append("\n## Reads with " + FACTS.getOrDefault("read phase: mentorships rows", "?") + " mentorships ("
					+ FACTS.getOrDefault("read phase: open tasks (ACT_RU_TASK)", "?") + " open tasks)\n\n");
			t.append("| query | items | 1 user p50 / p95 / p99 | 4 users p50 / p95 / p99 | SQL per request (sel/upd/oth) | p95 < 50 ms |\n|---|---:|---:|---:|---:|---|\n");
			for (var e : this.readItems.entrySet()) {
				String op = e.getKey();
				double p95 = this.reads.pct(op, 95);
				t.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", op, e.getValue(),
						pcts(this.reads, op), pcts(this.reads4, op), sqlCell(this.sql.get(op), false),
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
				List<Double> app = this.startup.getOrDefault("app" + restart, List.of());
				List<Double> bare = this.startup.getOrDefault("bare" + restart, List.of());
				double appMin = app.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
				double bareMin = bare.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
				double appMedian = median(app);
				double bareMedian = median(bare);
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
			for (int i = 0; i < STARTUP_PHASES.length; i++) {
				double a = medianPhase("app", i);
				double b = medianPhase("bare", i);
				t.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %+.2f |%n", STARTUP_PHASES[i][0], a, b, a - b));
			}
			t.append("\n## Heap\n\n").append(heapLine(this.heap)).append("\n");
			return t.toString();
		}

		double medianPhase(String which, int phase) {
			List<Double> values = new ArrayList<>();
			for (double[] run : this.startupPhases.getOrDefault(which, List.of())) {
				if (!Double.isNaN(run[phase])) {
					values.add(run[phase]);
				}
			}
			return median(values);
		}

		static double median(List<Double> values) {
			if (values.isEmpty()) {
				return Double.NaN;
			}
			List<Double> sorted = values.stream().sorted().toList();
			int n = sorted.size();
			return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
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

		static String pcts(Samples s, String op) {
			if (s.count(op) == 0) {
				return "–";
			}
			return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", s.pct(op, 50), s.pct(op, 95), s.pct(op, 99));
		}

		static String sqlCell(SqlCount c, boolean async) {
			if (c == null || c.runs == 0) {
				return "–";
			}
			long[] v = async ? c.withAsync : c.sync;
			double r = c.runs;
			return String.format(Locale.ROOT, "%.0f (%.0f/%.0f/%.0f)", (v[0] + v[1] + v[2]) / r, v[0] / r, v[1] / r,
					v[2] / r);
		}

	}

	// --- JFR: where the server spent its CPU ----------------------------------------------------------------

	static final class JfrSummary {

		static String of(Path file) {
			if (!Files.exists(file)) {
				return "(no recording)\n";
			}
			Map<String, Integer> top = new HashMap<>();
			Map<String, Integer> area = new HashMap<>();
			Map<String, Integer> appFrames = new HashMap<>();
			int total = 0;
			try (var rf = new jdk.jfr.consumer.RecordingFile(file)) {
				while (rf.hasMoreEvents()) {
					var e = rf.readEvent();
					if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
						continue;
					}
					var frames = e.getStackTrace().getFrames();
					if (frames.isEmpty()) {
						continue;
					}
					total++;
					var f = frames.get(0).getMethod();
					String name = f.getType().getName() + "." + f.getName();
					top.merge(name, 1, Integer::sum);
					area.merge(areaOf(frames), 1, Integer::sum);
					for (var fr : frames) {
						String cls = fr.getMethod().getType().getName();
						if (cls.startsWith("at.alma")) {
							appFrames.merge(cls.substring(cls.lastIndexOf('.') + 1) + "." + fr.getMethod().getName(), 1,
									Integer::sum);
							break;
						}
					}
				}
			}
			catch (IOException ex) {
				return "(recording unreadable: " + ex + ")\n";
			}
			StringBuilder out = new StringBuilder();
			out.append(total).append(" samples.\n\nBy what the thread was doing (innermost recognised library on the stack):\n");
			appendTop(out, area, total, 12);
			out.append("\nTop frames (self time):\n");
			appendTop(out, top, total, 15);
			out.append("\nInnermost app method on the stack (inclusive):\n");
			appendTop(out, appFrames, total, 12);
			return out.toString();
		}

		static final String[][] AREAS = { { "org.springframework.security.crypto.bcrypt", "password hashing (BCrypt)" },
				{ "net.sf.jasperreports", "JasperReports (certificate PDF)" },
				{ "com.lowagie", "OpenPDF (certificate PDF)" }, { "org.thymeleaf", "Thymeleaf (mail templates)" },
				{ "org.eclipse.angus", "mail (SMTP)" }, { "jakarta.mail", "mail (SMTP)" },
				{ "com.mysql", "MySQL Connector/J (JDBC)" }, { "com.zaxxer.hikari", "Hikari pool" },
				{ "org.apache.ibatis", "MyBatis (Camunda's persistence)" }, { "org.hibernate", "Hibernate" },
				{ "org.camunda", "Camunda engine" }, { "graphql", "graphql-java" },
				{ "com.fasterxml.jackson", "Jackson (JSON)" }, { "org.springframework.graphql", "Spring for GraphQL" },
				{ "org.springframework.security", "Spring Security" }, { "org.apache.catalina", "Tomcat" },
				{ "org.apache.tomcat", "Tomcat" }, { "org.apache.coyote", "Tomcat" }, { "at.alma", "app code" },
				{ "org.springframework", "Spring (other)" }, { "jdk.jfr", "JFR" } };

		static String areaOf(List<jdk.jfr.consumer.RecordedFrame> frames) {
			for (var fr : frames) {
				String cls = fr.getMethod().getType().getName();
				for (String[] a : AREAS) {
					if (cls.startsWith(a[0])) {
						return a[1];
					}
				}
			}
			return "JDK / other";
		}

		static void appendTop(StringBuilder out, Map<String, Integer> counts, int total, int n) {
			counts.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
				.limit(n)
				.forEach((e) -> out.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / total,
						e.getKey())));
		}

	}

	// --- a tiny SMTP sink: accepts every mail and forgets it ---------------------------------------------------

	static final class SmtpSink {

		final ServerSocket socket;

		final AtomicInteger count = new AtomicInteger();

		SmtpSink(ServerSocket socket) {
			this.socket = socket;
		}

		static SmtpSink start() throws IOException {
			SmtpSink sink = new SmtpSink(new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress()));
			Thread t = new Thread(sink::accept, "smtp-sink");
			t.setDaemon(true);
			t.start();
			return sink;
		}

		int port() {
			return this.socket.getLocalPort();
		}

		void accept() {
			while (!this.socket.isClosed()) {
				try {
					Socket s = this.socket.accept();
					Thread t = new Thread(() -> session(s));
					t.setDaemon(true);
					t.start();
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		void session(Socket s) {
			try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
					OutputStream out = s.getOutputStream()) {
				reply(out, "220 bench-sink ESMTP");
				boolean data = false;
				String line;
				while ((line = in.readLine()) != null) {
					if (data) {
						if (line.equals(".")) {
							data = false;
							this.count.incrementAndGet();
							reply(out, "250 OK");
						}
						continue;
					}
					String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
					switch (cmd) {
						case "EHLO" -> reply(out, "250-bench-sink\r\n250 8BITMIME");
						case "DATA" -> {
							data = true;
							reply(out, "354 End data with <CR><LF>.<CR><LF>");
						}
						case "QUIT" -> {
							reply(out, "221 Bye");
							return;
						}
						default -> reply(out, "250 OK");
					}
				}
			}
			catch (IOException ex) {
				// client went away
			}
		}

		static void reply(OutputStream out, String text) throws IOException {
			out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}

		void stop() throws IOException {
			this.socket.close();
		}

	}

	// --- small helpers --------------------------------------------------------------------------------------

	static Connection root(String db) throws Exception {
		return DriverManager.getConnection("jdbc:mysql://" + DB_HOST + ":3306/" + (db == null ? "" : db)
				+ "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&connectionTimeZone=UTC"
				+ "&rewriteBatchedStatements=true&characterEncoding=UTF-8", "root", "");
	}

	static String json(Object o) {
		try {
			return JSON.writeValueAsString(o);
		}
		catch (IOException ex) {
			throw new RuntimeException(ex);
		}
	}

	static String env(String name, String fallback) {
		String v = System.getenv(name);
		return v == null || v.isBlank() ? fallback : v;
	}

	static String sh(String... cmd) {
		try {
			Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			p.waitFor();
			return out;
		}
		catch (Exception ex) {
			return "(" + ex + ")";
		}
	}

	static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return "?";
		}
	}

	static String machine() {
		String cpu = "?";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((l) -> l.startsWith("model name"))
				.findFirst()
				.map((l) -> l.substring(l.indexOf(':') + 1).strip())
				.orElse("?");
		}
		catch (IOException ex) {
			// keep ?
		}
		long memMb = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024);
		return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memMb + " MB RAM, "
				+ System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", MariaDB "
				+ mariadbVersion();
	}

	static String mariadbVersion() {
		try (Connection c = root(null); Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("select version()")) {
			rs.next();
			return rs.getString(1);
		}
		catch (Exception ex) {
			return "?";
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	static String tail(Path f, int lines) {
		try {
			List<String> all = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "";
		}
	}

	static String indent(String s) {
		return s.lines().map((l) -> "    " + l).reduce("", (a, b) -> a + b + "\n");
	}

	static String abbreviate(String s) {
		if (s == null) {
			return "null";
		}
		s = s.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
		return s.length() > 160 ? s.substring(0, 160) : s;
	}

	static void sleepMs(long ms) {
		try {
			Thread.sleep(Math.max(0, ms));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void log(String s) {
		System.out.println("bench: " + s);
		System.out.flush();
	}

	// --- the program office: statistics and the PDF report on 10,000 seeded mentorships (BENCH_ONLY=program-office) --

	/**
	 * Seeds {@code BENCH_SEED_MENTORSHIPS} mentorships with SQL over the last two years, with the timestamps the
	 * figures read (decision, activation, end), an approved agreement per activated mentorship, held meetings and
	 * their feedback requests; then times {@code programStatistics} (one year, two years), {@code programSeries},
	 * the PDF report and the CSV as the configured admin, one request after the other.
	 */
	static final class ProgramOfficeScenario {

		static final String[] TOPICS = { "Karriere", "Gründung", "Führung", "Forschung", "Lehre", "Finanzen",
				"Recht", "Medizin", "IT", "Design", "Marketing", "Vertrieb", "Personal", "Ausland", "Promotion",
				"Wiedereinstieg", "Work-Life-Balance", "Netzwerken", "Bewerbung", "Selbstständigkeit" };

		static void run(Path jar, SmtpSink smtp) throws Exception {
			long t0 = System.nanoTime();
			FACTS.put("scenario", "program office (BENCH_ONLY=program-office)");
			try (Connection c = root(null); Statement st = c.createStatement()) {
				st.execute("drop database if exists " + DB);
				st.execute("create database " + DB + " character set utf8mb4 collate utf8mb4_bin");
				st.execute("create user if not exists '" + DB_USER + "'@'127.0.0.1' identified by '" + DB_PASSWORD
						+ "'");
				st.execute("grant all privileges on " + DB + ".* to '" + DB_USER + "'@'127.0.0.1'");
			}
			startServer(jar, smtp.port());
			App app = new App();
			app.signUp("MENTOR");
			Account office = officeAccount(app);
			seed();
			FACTS.put("load average after seeding", load());
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			String year = today.minusYears(1).toString();
			String twoYears = today.minusYears(2).toString();
			String figures = "query($from: Date!, $to: Date!) { programStatistics(from: $from, to: $to) { "
					+ "funnel { step count rate } durations { measure count p50Seconds p90Seconds } "
					+ "meetings { mentorships planned held heldShare } "
					+ "feedback { occasion requested answered answeredShare averageRating } "
					+ "mentorLoad { asOf mentors available capacity placesTaken capacityUsed atCapacity withoutRequests } "
					+ "topTopics { topic requests } } }";
			String series = "query($from: Date!, $to: Date!) { programSeries(from: $from, to: $to) { month requested "
					+ "accepted declined withdrawn expired agreementApproved completed terminated meetingsHeld } }";
			JsonNode answer = app.gql(office.token(), figures, Map.of("from", twoYears, "to", today.toString()));
			FACTS.put("programStatistics (two years): funnel", answer.path("programStatistics").path("funnel"));
			Samples samples = new Samples();
			for (int i = 0; i < 10; i++) {
				app.gql(office.token(), figures, Map.of("from", year, "to", today.toString()));
			}
			for (int i = 0; i < 100; i++) {
				samples.time("programStatistics (one year)",
						() -> app.gql(office.token(), figures, Map.of("from", year, "to", today.toString())));
				samples.time("programStatistics (two years)",
						() -> app.gql(office.token(), figures, Map.of("from", twoYears, "to", today.toString())));
			}
			for (int i = 0; i < 50; i++) {
				samples.time("programSeries (two years, 25 months)",
						() -> app.gql(office.token(), series, Map.of("from", twoYears, "to", today.toString())));
			}
			String period = "?from=" + twoYears + "&to=" + today;
			app.download(office.token(), "/api/program-office/report.pdf" + period);
			app.download(office.token(), "/api/program-office/report.pdf" + period + "&language=en");
			long pdfBytes = 0;
			for (int i = 0; i < 10; i++) {
				pdfBytes = samples.time("report PDF (two years, German)",
						() -> app.download(office.token(), "/api/program-office/report.pdf" + period)).length;
				samples.time("report CSV (two years)",
						() -> app.download(office.token(), "/api/program-office/report.csv" + period));
			}
			FACTS.put("report PDF size", pdfBytes + " bytes");
			FACTS.put("load average at end", load());
			FACTS.put("total run time", Math.round((System.nanoTime() - t0) / 1e9) + " s");
			write(samples);
		}

		static Account officeAccount(App app) {
			Map<String, Object> input = Map.of("email", OFFICE_EMAIL, "password", PASSWORD, "firstName", "Alumni",
					"lastName", "Office", "roles", List.of("MENTOR"), "language", "DE", "timeZone", "Europe/Vienna");
			app.gql(null, "mutation($input: SignUpInput!) { signUp(input: $input) { token } }", Map.of("input", input));
			JsonNode d = app.gql(null,
					"mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { token } }",
					Map.of("e", OFFICE_EMAIL, "p", PASSWORD));
			return new Account(null, OFFICE_EMAIL, d.path("signIn").path("token").asText());
		}

		static void seed() throws Exception {
			long t0 = System.nanoTime();
			Random random = new Random(26);
			int members = Math.max(200, SEED_MENTORSHIPS / 5);
			List<String> mentees = new ArrayList<>();
			List<String> mentors = new ArrayList<>();
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			long meetings = 0;
			long feedback = 0;
			try (Connection c = root(DB)) {
				c.setAutoCommit(false);
				PreparedStatement m = c.prepareStatement("insert into members (id, email, password_hash, first_name, "
						+ "last_name, language, time_zone, mentor_available, mentor_capacity, created_at, version) "
						+ "values (?, ?, '{noop}not-for-sign-in', 'Seed', ?, 'DE', 'Europe/Vienna', ?, ?, ?, 0)");
				PreparedStatement roles = c.prepareStatement("insert into member_roles (member_id, role) values (?, ?)");
				PreparedStatement topics = c
					.prepareStatement("insert into member_topics (member_id, position, topic) values (?, ?, ?)");
				for (int i = 0; i < members; i++) {
					String id = UUID.randomUUID().toString();
					boolean mentor = i % 2 == 1;
					m.setString(1, id);
					m.setString(2, id + "@seed.bench.test");
					m.setString(3, (mentor ? "Mentor" : "Mentee") + i);
					m.setBoolean(4, random.nextInt(10) < 8);
					m.setInt(5, 1 + random.nextInt(3));
					m.setTimestamp(6, Timestamp.from(now.minus(800, ChronoUnit.DAYS)));
					m.addBatch();
					roles.setString(1, id);
					roles.setString(2, mentor ? "MENTOR" : "MENTEE");
					roles.addBatch();
					if (mentor) {
						int n = 1 + random.nextInt(3);
						for (int t = 0; t < n; t++) {
							topics.setString(1, id);
							topics.setInt(2, t);
							topics.setString(3, TOPICS[(i + t * 7 + random.nextInt(4)) % TOPICS.length]);
							topics.addBatch();
						}
					}
					(mentor ? mentors : mentees).add(id);
				}
				m.executeBatch();
				roles.executeBatch();
				topics.executeBatch();
				PreparedStatement ms = c.prepareStatement("insert into mentorships (id, mentee_id, mentor_id, status, "
						+ "requested_at, decided_at, activated_at, ended_at, version, closure_round) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)");
				PreparedStatement agreement = c.prepareStatement("insert into agreement_versions (id, mentorship_id, "
						+ "version_number, status, period_start, period_end, meeting_count, contact_kinds, "
						+ "contact_frequency, submissions, saved_at, submitted_at, approved_at, version) "
						+ "values (?, ?, 1, 'APPROVED', ?, ?, ?, 'VIDEO', 'monthly', 1, ?, ?, ?, 0)");
				PreparedStatement meeting = c.prepareStatement("insert into meetings (id, mentorship_id, mentee_id, "
						+ "mentor_id, status, final_meeting, starts_at, duration_minutes, kind, proposal_round, "
						+ "invitation_sequence, proposed_at, mentee_confirmed_at, mentor_confirmed_at, version) "
						+ "values (?, ?, ?, ?, 'HELD', false, ?, 60, 'VIDEO', 1, 0, ?, ?, ?, 0)");
				PreparedStatement asked = c.prepareStatement("insert into feedback_requests (id, member_id, "
						+ "mentorship_id, occasion, source_key, requested_at, answered_at, rating, version) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?, 0)");
				String[] statuses = { "REQUESTED", "DECLINED", "WITHDRAWN", "EXPIRED", "ACCEPTED", "ACTIVE",
						"COMPLETED", "TERMINATED" };
				int[] weights = { 3, 15, 5, 7, 5, 20, 35, 10 };
				for (int i = 0; i < SEED_MENTORSHIPS; i++) {
					String id = UUID.randomUUID().toString();
					String mentee = mentees.get(random.nextInt(mentees.size()));
					String mentor = mentors.get(random.nextInt(mentors.size()));
					int pick = random.nextInt(100);
					int k = 0;
					while (pick >= weights[k]) {
						pick -= weights[k++];
					}
					String status = statuses[k];
					Instant requested = now.minus(random.nextInt(730 * 24), ChronoUnit.HOURS);
					Instant decided = switch (status) {
						case "REQUESTED", "WITHDRAWN", "EXPIRED" -> null;
						default -> requested.plus(1 + random.nextInt(240), ChronoUnit.HOURS);
					};
					boolean activated = status.equals("ACTIVE") || status.equals("COMPLETED")
							|| (status.equals("TERMINATED") && random.nextBoolean());
					Instant active = activated ? decided.plus(1 + random.nextInt(480), ChronoUnit.HOURS) : null;
					Instant ended = switch (status) {
						case "DECLINED" -> decided;
						case "WITHDRAWN" -> requested.plus(1 + random.nextInt(100), ChronoUnit.HOURS);
						case "EXPIRED" -> requested.plus(14, ChronoUnit.DAYS);
						case "COMPLETED", "TERMINATED" ->
							(activated ? active : decided).plus(30 + random.nextInt(210), ChronoUnit.DAYS);
						default -> null;
					};
					if (ended != null && ended.isAfter(now)) {
						ended = now;
					}
					if (active != null && active.isAfter(now)) {
						active = now;
					}
					ms.setString(1, id);
					ms.setString(2, mentee);
					ms.setString(3, mentor);
					ms.setString(4, status);
					ms.setTimestamp(5, Timestamp.from(requested));
					ms.setTimestamp(6, (decided != null) ? Timestamp.from(decided) : null);
					ms.setTimestamp(7, (active != null) ? Timestamp.from(active) : null);
					ms.setTimestamp(8, (ended != null) ? Timestamp.from(ended) : null);
					ms.addBatch();
					if (active == null) {
						continue;
					}
					LocalDate start = LocalDate.ofInstant(active, ZoneOffset.UTC);
					agreement.setString(1, UUID.randomUUID().toString());
					agreement.setString(2, id);
					agreement.setDate(3, java.sql.Date.valueOf(start));
					agreement.setDate(4, java.sql.Date.valueOf(start.plusMonths(8)));
					agreement.setInt(5, 4 + random.nextInt(7));
					agreement.setTimestamp(6, Timestamp.from(active.minus(2, ChronoUnit.DAYS)));
					agreement.setTimestamp(7, Timestamp.from(active.minus(1, ChronoUnit.DAYS)));
					agreement.setTimestamp(8, Timestamp.from(active));
					agreement.addBatch();
					Instant last = (ended != null) ? ended : now;
					int held = random.nextInt(9);
					for (int h = 0; h < held; h++) {
						Instant at = active.plus(3 + h * 20L + random.nextInt(10), ChronoUnit.DAYS);
						if (at.isAfter(last)) {
							break;
						}
						String meetingId = UUID.randomUUID().toString();
						meeting.setString(1, meetingId);
						meeting.setString(2, id);
						meeting.setString(3, mentee);
						meeting.setString(4, mentor);
						meeting.setTimestamp(5, Timestamp.from(at));
						meeting.setTimestamp(6, Timestamp.from(at.minus(5, ChronoUnit.DAYS)));
						meeting.setTimestamp(7, Timestamp.from(at.plus(2, ChronoUnit.HOURS)));
						meeting.setTimestamp(8, Timestamp.from(at.plus(5, ChronoUnit.HOURS)));
						meeting.addBatch();
						meetings++;
						boolean answered = random.nextInt(10) < 6;
						asked.setString(1, UUID.randomUUID().toString());
						asked.setString(2, mentee);
						asked.setString(3, id);
						asked.setString(4, "MEETING");
						asked.setString(5, meetingId);
						asked.setTimestamp(6, Timestamp.from(at.plus(5, ChronoUnit.HOURS)));
						asked.setTimestamp(7, answered ? Timestamp.from(at.plus(30, ChronoUnit.HOURS)) : null);
						if (answered) {
							asked.setInt(8, 1 + random.nextInt(5));
						}
						else {
							asked.setNull(8, java.sql.Types.INTEGER);
						}
						asked.addBatch();
						feedback++;
					}
					if (i % 1000 == 999) {
						ms.executeBatch();
						agreement.executeBatch();
						meeting.executeBatch();
						asked.executeBatch();
					}
				}
				ms.executeBatch();
				agreement.executeBatch();
				meeting.executeBatch();
				asked.executeBatch();
				c.commit();
				try (Statement st = c.createStatement()) {
					st.execute("analyze table mentorships, members, member_roles, member_topics, agreement_versions, "
							+ "meetings, feedback_requests");
				}
			}
			FACTS.put("seeded", SEED_MENTORSHIPS + " mentorships over 730 days, " + members + " members, " + meetings
					+ " held meetings, " + feedback + " feedback requests");
			FACTS.put("seeding time (not measured)", Math.round((System.nanoTime() - t0) / 1e9) + " s");
		}

		static void write(Samples samples) throws Exception {
			StringBuilder out = new StringBuilder();
			out.append("# alma-mentoring benchmark: program office\n\n");
			FACTS.forEach((k, v) -> out.append(String.format(Locale.ROOT, "%-50s %s%n", k + ":", v)));
			out.append("\nOne admin, one request after the other, over HTTP against the jar on MariaDB (ms):\n\n");
			out.append(String.format(Locale.ROOT, "| %-40s | %5s | %8s | %8s | %8s |%n", "operation", "n", "p50",
					"p95", "max"));
			out.append("|---|---:|---:|---:|---:|\n");
			samples.byOp.keySet().stream().sorted().forEach((op) -> out.append(String.format(Locale.ROOT,
					"| %-40s | %5d | %8.1f | %8.1f | %8.1f |%n", op, samples.count(op), samples.pct(op, 50),
					samples.pct(op, 95), samples.pct(op, 100))));
			out.append("\n## Raw samples (milliseconds, in the order taken)\n\n");
			Results.raw(out, "program office", samples);
			System.out.println(out);
			Path dir = Files.createDirectories(ROOT.resolve("bench/results"));
			String name = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
				.withZone(ZoneOffset.UTC)
				.format(Instant.now()) + "-program-office.txt";
			Files.writeString(dir.resolve(name), out.toString());
			log("results written to bench/results/" + name);
		}

		static void dropDatabaseUser() {
			try (Connection c = root(null); Statement st = c.createStatement()) {
				st.execute("drop user if exists '" + DB_USER + "'@'127.0.0.1'");
			}
			catch (Exception ex) {
				log("cleanup: " + ex);
			}
		}

	}


	/** The app's database and mail settings, as every server the benchmark starts gets them. */
	static Map<String, String> appEnvironment(ProcessBuilder pb, String db, int smtpPort) {
		Map<String, String> env = pb.environment();
		env.put("MENTORING_DB_HOST", DB_HOST);
		env.put("MENTORING_DB_NAME", db);
		env.put("MENTORING_DB_USER", DB_USER);
		env.put("MENTORING_DB_PASSWORD", DB_PASSWORD);
		env.put("SPRING_MAIL_HOST", "127.0.0.1");
		env.put("SPRING_MAIL_PORT", Integer.toString(smtpPort));
		return env;
	}

}
