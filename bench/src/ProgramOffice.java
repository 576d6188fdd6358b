import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The program office ({@code BENCH_ONLY=program-office}): statistics and the report on
 * {@code BENCH_SEED_MENTORSHIPS} mentorships seeded over two years ({@link Seed#programOffice}). The admin times
 * {@code programStatistics} (one year, two years), {@code programSeries}, the PDF report and the CSV, one request
 * after the other.
 */
final class ProgramOffice {

	private ProgramOffice() {
	}

	static void run(Path jar, SmtpSink smtp) throws Exception {
		Server.scenario("program office (BENCH_ONLY=program-office)", jar, smtp, ProgramOffice::measure);
	}

	private static void measure(App app, long t0) throws Exception {
		app.signUp("MENTOR");
		App.Account office = officeAccount(app);
		Seed.programOffice();
		Run.FACTS.put("load average after seeding", Host.load());
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
		Run.FACTS.put("programStatistics (two years): funnel", answer.path("programStatistics").path("funnel"));
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
		Run.FACTS.put("report PDF size", pdfBytes + " bytes");
		Run.FACTS.put("load average at end", Host.load());
		Run.FACTS.put("total run time", Math.round((System.nanoTime() - t0) / 1e9) + " s");
		write(samples);
	}

	private static App.Account officeAccount(App app) {
		Map<String, Object> input = Map.of("email", Settings.OFFICE_EMAIL, "password", Settings.PASSWORD, "firstName", "Alumni",
				"lastName", "Office", "roles", List.of("MENTOR"), "language", "DE", "timeZone", "Europe/Vienna");
		JsonNode signedUp = app.gql(null, "mutation($input: SignUpInput!) { signUp(input: $input) { token me { id } } }",
				Map.of("input", input));
		// ADMIN comes with a verified address only
		Seed.verified(new App.Account(signedUp.path("signUp").path("me").path("id").asText(), Settings.OFFICE_EMAIL,
				null));
		JsonNode d = app.gql(null,
				"mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { token } }",
				Map.of("e", Settings.OFFICE_EMAIL, "p", Settings.PASSWORD));
		return new App.Account(null, Settings.OFFICE_EMAIL, d.path("signIn").path("token").asText());
	}

	private static void write(Samples samples) throws Exception {
		StringBuilder out = new StringBuilder();
		out.append("# alma-mentoring benchmark: program office\n\n");
		out.append(Run.facts());
		out.append("\nOne admin, one request after the other, over HTTP against the jar on MariaDB (ms):\n\n");
		out.append(String.format(Locale.ROOT, "| %-40s | %5s | %8s | %8s | %8s |%n", "operation", "n", "p50",
				"p95", "max"));
		out.append("|---|---:|---:|---:|---:|\n");
		samples.byOp.keySet().stream().sorted().forEach((op) -> out.append(String.format(Locale.ROOT,
				"| %-40s | %5d | %8.1f | %8.1f | %8.1f |%n", op, samples.count(op), samples.pct(op, 50),
				samples.pct(op, 95), samples.pct(op, 100))));
		out.append("\n## Raw samples (milliseconds, in the order taken)\n\n");
		samples.appendRaw(out, "program office");
		System.out.println(out);
		Run.writeResult("-program-office", out.toString());
	}

}
