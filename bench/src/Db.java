import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * MariaDB as the benchmark sees it: root connections for setting up and seeding, the server's own database user, and
 * that user's statement counters ({@code information_schema.USER_STATISTICS}), which leave out every other client of
 * the shared MariaDB and the benchmark's own queries.
 */
final class Db {

	private Db() {
	}

	static Connection root(String db) throws Exception {
		return DriverManager.getConnection("jdbc:mysql://" + Settings.DB_HOST + ":3306/" + (db == null ? "" : db)
				+ "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&connectionTimeZone=UTC"
				+ "&rewriteBatchedStatements=true&characterEncoding=UTF-8", "root", "");
	}

	static String version() {
		try (Connection c = root(null); Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("select version()")) {
			rs.next();
			return rs.getString(1);
		}
		catch (Exception ex) {
			return "?";
		}
	}

	static long count(Statement st, String sql) throws Exception {
		try (ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Drops and creates {@code db} and lets the server's database user do everything in it. */
	static void create(String db) throws Exception {
		try (Connection c = root(null); Statement st = c.createStatement()) {
			st.execute("drop database if exists " + db);
			st.execute("create database " + db + " character set utf8mb4 collate utf8mb4_bin");
			st.execute("create user if not exists '" + Settings.DB_USER + "'@'127.0.0.1' identified by '"
					+ Settings.DB_PASSWORD + "'");
			st.execute("grant all privileges on " + db + ".* to '" + Settings.DB_USER + "'@'127.0.0.1'");
		}
	}

	static void drop(String db) throws Exception {
		try (Connection c = root(null); Statement st = c.createStatement()) {
			st.execute("drop database if exists " + db);
		}
	}

	/** {@link #create} of the run's database, with the per-user statement counters switched on. */
	static void fresh() throws Exception {
		create(Settings.DB);
		try (Connection c = root(null); Statement st = c.createStatement()) {
			try (ResultSet rs = st.executeQuery("select @@global.userstat")) {
				rs.next();
				Run.FACTS.put("userstat before the run", rs.getString(1));
			}
			st.execute("set global userstat = 1");
		}
	}

	/** Drops the server's database user and switches the counters off again if {@link #fresh} switched them on. */
	static void cleanUp() {
		try (Connection c = root(null); Statement st = c.createStatement()) {
			st.execute("drop user if exists '" + Settings.DB_USER + "'@'127.0.0.1'");
			if ("0".equals(String.valueOf(Run.FACTS.get("userstat before the run")))) {
				st.execute("set global userstat = 0");
			}
		}
		catch (Exception ex) {
			Run.log("cleanup: " + ex);
		}
	}

	/** The server user's select, insert+update+delete and other commands, and its commits, so far. */
	static long[] userStats() {
		try (Connection c = root(null); Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("select SELECT_COMMANDS, UPDATE_COMMANDS, OTHER_COMMANDS, "
						+ "COMMIT_TRANSACTIONS from information_schema.USER_STATISTICS where USER = '"
						+ Settings.DB_USER + "'")) {
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
		try (Connection c = root(Settings.DB)) {
			while (System.nanoTime() < deadline && quiet < 2) {
				try (Statement st = c.createStatement();
						ResultSet rs = st.executeQuery("select count(*) from ACT_RU_JOB where RETRIES_ > 0 and "
								+ "(DUEDATE_ is null or DUEDATE_ <= utc_timestamp())")) {
					rs.next();
					quiet = rs.getLong(1) == 0 ? quiet + 1 : 0;
				}
				Host.sleepMs(300);
			}
		}
		catch (Exception ex) {
			throw new RuntimeException(ex);
		}
	}

}
