import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The lists a member opens, with 10,000 mentorships in the database ({@link Seed#readPhase}): {@code myTasks},
 * {@code myMentorships} and {@code me { achievements }} of the hot mentor, first: 10 and first: 50, 200 times with
 * one user and 4 × 50 times with four users at once. Each read must return the full page.
 */
final class Reads {

	private static final String TASKS = "query($n: Int) { myTasks(first: $n) { edges { node { id kind name since due mentorship { id status mentee { displayName } mentor { displayName } } } } pageInfo { hasNextPage } } }";

	private static final String MENTORSHIPS = "query($n: Int) { myMentorships(first: $n) { edges { node { id status myRole requestedAt mentee { displayName } mentor { displayName } } } pageInfo { hasNextPage } } }";

	private static final String ACHIEVEMENTS = "query($n: Int) { me { achievements { totals { kind count } items(first: $n) { edges { node { id kind achievedAt role source { type id } partner { id displayName } } } pageInfo { hasNextPage } } } } }";

	private record Read(String name, String token, String query, Map<String, Object> vars, int expected) {
	}

	final Samples oneUser = new Samples();

	final Samples fourUsers = new Samples();

	/** Query name -> items of its page. */
	final Map<String, Integer> items = new LinkedHashMap<>();

	/** Seeds, then reads; the SQL statements per read go into {@code sql}. */
	static Reads measure(App app, SqlCounts sql) throws Exception {
		App.Account hotMentor = app.signUpVerified("MENTOR");
		App.Account hotMentee = app.signUpVerified("MENTEE");
		Seed.readPhase(app, hotMentor, hotMentee);
		Db.quiesce();
		Reads reads = new Reads();
		List<Read> all = List.of(new Read("myTasks (first: 10)", hotMentor.token(), TASKS, Map.of("n", 10), 10),
				new Read("myTasks (first: 50)", hotMentor.token(), TASKS, Map.of("n", 50), 50),
				new Read("myMentorships (first: 10)", hotMentor.token(), MENTORSHIPS, Map.of("n", 10), 10),
				new Read("myMentorships (first: 50)", hotMentor.token(), MENTORSHIPS, Map.of("n", 50), 50),
				new Read("me { achievements } (first: 10)", hotMentor.token(), ACHIEVEMENTS, Map.of("n", 10), 10),
				new Read("me { achievements } (first: 50)", hotMentor.token(), ACHIEVEMENTS, Map.of("n", 50), 50));
		for (Read r : all) {
			JsonNode d = app.gql(r.token(), r.query(), r.vars());
			JsonNode list = r.name().startsWith("myTasks") ? d.path("myTasks")
					: r.name().startsWith("myMentorships") ? d.path("myMentorships")
							: d.path("me").path("achievements").path("items");
			int items = list.path("edges").size();
			if (items != r.expected()) {
				throw new IllegalStateException(r.name() + ": " + items + " items, expected " + r.expected());
			}
			reads.items.put(r.name(), items);
			for (int i = 0; i < 20; i++) {
				app.gql(r.token(), r.query(), r.vars());
			}
			sql.requests(r.name(), 5, () -> app.gql(r.token(), r.query(), r.vars()));
			for (int i = 0; i < 200; i++) {
				reads.oneUser.time(r.name(), () -> app.gql(r.token(), r.query(), r.vars()));
			}
			Run.log("read " + r.name() + ": " + items + " items, p95 "
					+ String.format(Locale.ROOT, "%.1f", reads.oneUser.pct(r.name(), 95)) + " ms");
		}
		for (Read r : all) {
			CountDownLatch latch = new CountDownLatch(4);
			for (int t = 0; t < 4; t++) {
				new Thread(() -> {
					try {
						for (int i = 0; i < 50; i++) {
							reads.fourUsers.time(r.name(), () -> app.gql(r.token(), r.query(), r.vars()));
						}
					}
					finally {
						latch.countDown();
					}
				}).start();
			}
			latch.await();
		}
		return reads;
	}

}
