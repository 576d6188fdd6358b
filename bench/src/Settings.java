import java.nio.file.Path;
import java.util.Arrays;

/**
 * The benchmark's knobs, read once from the environment (bench/run lists them). Everything else a scenario needs is
 * a constant in the scenario's own class.
 */
final class Settings {

	static final String DB = env("BENCH_DB_NAME", "mentoring_bench");

	static final String DB_HOST = env("BENCH_DB_HOST", "127.0.0.1");

	/** The server's own database user: MariaDB counts its statements apart from every other client's. */
	static final String DB_USER = env("BENCH_DB_USER", "bench_app");

	static final String DB_PASSWORD = "bench-app-password";

	static final int PHASE_SECONDS = Integer.parseInt(env("BENCH_PHASE_SECONDS", "25"));

	static final int[] USERS = ints(env("BENCH_USERS", "1,4,16"));

	static final int[] ENGINE_USERS = ints(env("BENCH_ENGINE_USERS", "1,4,16"));

	static final int SEED_MENTORSHIPS = Integer.parseInt(env("BENCH_SEED_MENTORSHIPS", "10000"));

	static final int SEED_TASKS = Integer.parseInt(env("BENCH_SEED_TASKS", "400"));

	static final int STARTUP_RUNS = Integer.parseInt(env("BENCH_STARTUP_RUNS", "3"));

	static final int METRICS_ROUNDS = Integer.parseInt(env("BENCH_METRICS_ROUNDS", "6"));

	static final int METRICS_SECONDS = Integer.parseInt(env("BENCH_METRICS_SECONDS", "20"));

	/** The member's mentorships in the export scenario. */
	static final int EXPORT_MENTORSHIPS = Integer.parseInt(env("BENCH_EXPORT_MENTORSHIPS", "50"));

	/** Members and, of them, mentors of the matching scenario. */
	static final int MATCHING_MEMBERS = Integer.parseInt(env("BENCH_MATCHING_MEMBERS", "10000"));

	static final int MATCHING_MENTORS = Integer.parseInt(env("BENCH_MATCHING_MENTORS", "2000"));

	/** Empty: the whole run; {@code metrics-cost}, {@code program-office}, {@code export} or {@code matching}: only that scenario. */
	static final String ONLY = env("BENCH_ONLY", "");

	static final String COMMAND = env("BENCH_COMMAND", "bench/run");

	/** The admin of the program office scenario (MENTORING_ADMIN_EMAILS of the server under test). */
	static final String OFFICE_EMAIL = "office@bench.test";

	/** The password of every member the benchmark signs up. */
	static final String PASSWORD = "bench-passw0rd-4711";

	static final Path ROOT = Path.of(env("BENCH_ROOT", ".")).toAbsolutePath().normalize();

	private Settings() {
	}

	static String env(String name, String fallback) {
		String v = System.getenv(name);
		return v == null || v.isBlank() ? fallback : v;
	}

	private static int[] ints(String list) {
		return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
	}

}
