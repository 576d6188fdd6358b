import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finding a mentor ({@code BENCH_ONLY=matching}): {@code BENCH_MATCHING_MEMBERS} (10,000) members of whom
 * {@code BENCH_MATCHING_MENTORS} (2,000) mentors with topics, fields, languages, zones and meeting kinds
 * ({@link Seed#matching}), and first names, locations, bios and search terms ({@link Seed#searchText}); three
 * mentees signed up through the API with profiles of their own. Each query of
 * {@link #probes} runs one request after the other, taking turns between the mentees. The bound for
 * {@code recommendedMentors}: p95 under 100 ms on MariaDB; the directory's search is held to the same.
 *
 * <p>
 * To measure another query on the same data, add a {@link Probe} to {@link #probes}.
 */
final class Matching {

	private static final int WARM_UP = 20;

	private static final int SAMPLES = 200;

	private static final String RECOMMENDED = "query($first: Int) { recommendedMentors(first: $first) { "
			+ "mentor { id displayName topics fields languages meetingKinds available } score "
			+ "reasons { matchedTopics matchedFields matchedLanguages matchedMeetingKinds zoneDifferenceHours meetingsHeld } } }";

	/**
	 * One query to time: its name in the table, the document, its variables, the path of the list in the answer and
	 * how many items it must hold (-1: any), and the p95 bound in milliseconds it is held to (0: none).
	 */
	record Probe(String name, String query, Map<String, Object> variables, String list, int items, double p95Bound) {
	}

	/** What the scenario measures; a search helper adds its queries here. */
	static List<Probe> probes() {
		List<Probe> probes = new ArrayList<>();
		probes.add(new Probe("recommendedMentors(first: 10)", RECOMMENDED, Map.of("first", 10), "recommendedMentors",
				10, 100));
		probes.add(new Probe("recommendedMentors(first: 50)", RECOMMENDED, Map.of("first", 50), "recommendedMentors",
				50, 100));
		// the directory's search on the same members (Seed#searchText): a topic, two letters, a prefix, two words,
		// with a filter, a first name with an umlaut, four words; a full page each
		String search = "query($s: String, $a: Boolean) { mentors(search: $s, available: $a, first: 20) { "
				+ "edges { node { id displayName topics fields location available } } pageInfo { hasNextPage } } }";
		Map<String, String> searches = new java.util.LinkedHashMap<>();
		searches.put("marketing", null);
		searches.put("IT", null);
		searches.put("karr", null);
		searches.put("Führung Wien", null);
		searches.put("nachhaltigkeit", "available");
		searches.put("Jürgen", null);
		searches.put("software cloud sicherheit graz", null);
		searches.forEach((text, available) -> {
			Map<String, Object> variables = new java.util.HashMap<>();
			variables.put("s", text);
			variables.put("a", (available != null) ? Boolean.TRUE : null);
			probes.add(new Probe("mentors(search: \"" + text + "\"" + ((available != null) ? ", available" : "") + ")",
					search, variables, "mentors.edges", 20, 100));
		});
		return probes;
	}

	private Matching() {
	}

	static void run(Path jar, SmtpSink smtp) throws Exception {
		Server.scenario("finding a mentor (BENCH_ONLY=matching)", jar, smtp, Matching::measure);
	}

	private static void measure(App app, long t0) throws Exception {
		Seed.matching(Settings.MATCHING_MEMBERS, Settings.MATCHING_MENTORS);
		Seed.searchText();
		List<App.Account> mentees = List.of(
				mentee(app, List.of("Führung", "IT", "Gründung"), List.of("Informatik"), List.of("Deutsch"),
						List.of("VIDEO")),
				mentee(app, List.of("karriere", "FORSCHUNG"), List.of("education", "Forschung"),
						List.of("English", "francais"), List.of("IN_PERSON", "VIDEO")),
				mentee(app, List.of("Design"), List.of(), List.of("Español"), List.of()));
		Run.FACTS.put("load average after seeding", Host.load());
		List<Probe> probes = probes();
		for (Probe probe : probes) {
			JsonNode first = app.gql(mentees.get(0).token(), probe.query(), probe.variables());
			Run.FACTS.put(probe.name() + ": first answer", abbreviate(first.toString()));
			for (int i = 0; i < WARM_UP; i++) {
				check(probe, app.gql(mentees.get(i % mentees.size()).token(), probe.query(), probe.variables()));
			}
		}
		Samples samples = new Samples();
		for (int i = 0; i < SAMPLES; i++) {
			App.Account mentee = mentees.get(i % mentees.size());
			for (Probe probe : probes) {
				check(probe, samples.time(probe.name(), () -> app.gql(mentee.token(), probe.query(), probe.variables())));
			}
		}
		for (Probe probe : probes) {
			if (probe.p95Bound() > 0) {
				Run.FACTS.put(probe.name() + " p95 under " + Math.round(probe.p95Bound()) + " ms",
						samples.pct(probe.name(), 95) < probe.p95Bound() ? "yes" : "NO");
			}
		}
		Run.FACTS.put("load average at end", Host.load());
		Run.FACTS.put("total run time", Math.round((System.nanoTime() - t0) / 1e9) + " s");
		write(samples);
	}

	private static App.Account mentee(App app, List<String> topics, List<String> fields, List<String> languages,
			List<String> meetingKinds) {
		App.Account mentee = app.signUpVerified("MENTEE");
		app.gql(mentee.token(), "mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { me { id } } }",
				Map.of("input", Map.of("topics", topics, "fields", fields, "languages", languages, "meetingKinds",
						meetingKinds, "goals", "Bench mentee")));
		return mentee;
	}

	private static void check(Probe probe, JsonNode answer) {
		JsonNode list = answer;
		for (String part : probe.list().split("\\.")) {
			list = list.path(part);
		}
		if (probe.items() >= 0 && list.size() != probe.items()) {
			throw new IllegalStateException(probe.name() + " answered " + list.size() + " items, not " + probe.items());
		}
	}

	private static String abbreviate(String text) {
		return (text.length() > 600) ? text.substring(0, 600) + "…" : text;
	}

	private static void write(Samples samples) throws Exception {
		StringBuilder out = new StringBuilder();
		out.append("# alma-mentoring benchmark: finding a mentor\n\n");
		out.append(Run.facts());
		out.append("\nThree mentees taking turns, one request after the other, over HTTP against the jar on MariaDB (ms):\n\n");
		out.append(String.format(Locale.ROOT, "| %-40s | %5s | %8s | %8s | %8s |%n", "operation", "n", "p50",
				"p95", "max"));
		out.append("|---|---:|---:|---:|---:|\n");
		samples.byOp.keySet().stream().sorted().forEach((op) -> out.append(String.format(Locale.ROOT,
				"| %-40s | %5d | %8.1f | %8.1f | %8.1f |%n", op, samples.count(op), samples.pct(op, 50),
				samples.pct(op, 95), samples.pct(op, 100))));
		out.append("\n## Raw samples (milliseconds, in the order taken)\n\n");
		samples.appendRaw(out, "finding a mentor");
		System.out.println(out);
		Run.writeResult("-matching", out.toString());
	}

}
