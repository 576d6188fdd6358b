import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The directory's search ({@code BENCH_ONLY=search}): {@code mentors(search: …, first: 20)} over
 * {@code BENCH_SEARCH_MEMBERS} (10,000) members of whom {@code BENCH_SEARCH_MENTORS} (2,000) are mentors, with
 * profiles and their search terms seeded with SQL ({@link Seed#searchProfiles}). A few typical searches (a topic, a
 * two-letter word, a prefix, two words, a search with the availability filter, a first name with an umlaut), one
 * request after the other, 200 times each after a warm-up. The bound for recommendations (p95 under 100 ms
 * on MariaDB) is the yardstick here too.
 */
final class Search {

	static final Map<String, String> SEARCHES = new LinkedHashMap<>();

	static {
		SEARCHES.put("topic word", "marketing");
		SEARCHES.put("two letters", "IT");
		SEARCHES.put("prefix", "karr");
		SEARCHES.put("two words", "Führung Wien");
		SEARCHES.put("available only", "nachhaltigkeit");
		SEARCHES.put("first name", "Jürgen");
		SEARCHES.put("four words", "software cloud sicherheit graz");
	}

	private static final String QUERY = """
			query($s: String, $a: Boolean) { mentors(search: $s, available: $a, first: 20) {
			  edges { node { id displayName topics location available } } pageInfo { hasNextPage } } }""";

	private Search() {
	}

	static void run(Path jar, SmtpSink smtp) throws Exception {
		long t0 = System.nanoTime();
		Run.FACTS.put("scenario", "directory search (BENCH_ONLY=search)");
		Db.create(Settings.DB);
		Server server = Server.underTest(jar, smtp.port());
		try {
			measure(new App(server.base()), t0);
		}
		finally {
			server.stop();
		}
	}

	private static void measure(App app, long t0) throws Exception {
		App.Account reader = app.signUpVerified("MENTEE");
		Seed.searchProfiles(Settings.SEARCH_MEMBERS, Settings.SEARCH_MENTORS);
		Run.FACTS.put("load average after seeding", Host.load());
		Map<String, Integer> found = new LinkedHashMap<>();
		for (var search : SEARCHES.entrySet()) {
			int n = page(app, reader, search.getKey(), search.getValue()).path("mentors").path("edges").size();
			if (n == 0) {
				throw new IllegalStateException("the search '" + search.getValue() + "' found no seeded mentor");
			}
			found.put(search.getKey(), n);
		}
		for (int i = 0; i < 20; i++) {
			SEARCHES.forEach((name, text) -> page(app, reader, name, text));
		}
		Samples samples = new Samples();
		for (int i = 0; i < 200; i++) {
			SEARCHES.forEach((name, text) -> samples.time(op(name, text), () -> page(app, reader, name, text)));
		}
		boolean within = SEARCHES.entrySet()
			.stream()
			.allMatch((search) -> samples.pct(op(search.getKey(), search.getValue()), 95) < 100);
		Run.FACTS.put("every search within 100 ms at p95", within ? "yes" : "NO");
		Run.FACTS.put("load average at end", Host.load());
		Run.FACTS.put("total run time", Math.round((System.nanoTime() - t0) / 1e9) + " s");
		write(samples, found);
	}

	private static JsonNode page(App app, App.Account reader, String name, String text) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("s", text);
		variables.put("a", name.equals("available only") ? Boolean.TRUE : null);
		return app.gql(reader.token(), QUERY, variables);
	}

	private static String op(String name, String text) {
		return name + " \"" + text + "\"";
	}

	private static void write(Samples samples, Map<String, Integer> found) throws Exception {
		StringBuilder out = new StringBuilder();
		out.append("# alma-mentoring benchmark: directory search\n\n");
		out.append(Run.facts());
		out.append("\nOne member, one request after the other, first: 20, over HTTP against the jar on MariaDB (ms):\n\n");
		out.append(String.format(Locale.ROOT, "| %-45s | %5s | %5s | %8s | %8s | %8s |%n", "search", "page", "n",
				"p50", "p95", "max"));
		out.append("|---|---:|---:|---:|---:|---:|\n");
		SEARCHES.forEach((name, text) -> out.append(String.format(Locale.ROOT,
				"| %-45s | %5d | %5d | %8.1f | %8.1f | %8.1f |%n", op(name, text), found.get(name),
				samples.count(op(name, text)), samples.pct(op(name, text), 50), samples.pct(op(name, text), 95),
				samples.pct(op(name, text), 100))));
		out.append("\n## Raw samples (milliseconds, in the order taken)\n\n");
		samples.appendRaw(out, "directory search");
		System.out.println(out);
		Run.writeResult("-search", out.toString());
	}

}
