import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's own limit, the yardstick of the throughput table: single-row {@code insert} + {@code commit} over
 * JDBC, with 1 and 4 threads, 5 s each, on a database of its own.
 */
final class DatabaseLimit {

	final Map<Integer, Double> commitsPerSecond = new LinkedHashMap<>();

	final Map<Integer, Samples> samples = new LinkedHashMap<>();

	static DatabaseLimit measure() throws Exception {
		DatabaseLimit limit = new DatabaseLimit();
		String db = Settings.DB + "_commits";
		try (Connection c = Db.root(null); Statement st = c.createStatement()) {
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
					try (Connection c = Db.root(db)) {
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
			limit.commitsPerSecond.put(threads, done.get() / 5.0);
			limit.samples.put(threads, s);
			Run.log("database: " + threads + " thread(s) " + done.get() / 5.0 + " insert+commit/s");
		}
		Db.drop(db);
		return limit;
	}

}
