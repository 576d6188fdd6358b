import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The member's export ({@code BENCH_ONLY=export}): {@code GET /api/me/export} of a member with
 * {@code BENCH_EXPORT_MENTORSHIPS} (50) completed mentorships, each with its agreement, held meetings, chat,
 * feedback, achievements, certificate and mails ({@link Seed#export}), in a database that also holds the program
 * office's {@code BENCH_SEED_MENTORSHIPS} mentorships of other members ({@link Seed#programOffice}), so that the
 * export's statements read their rows out of full tables. The member downloads it one request after the other.
 * The bound: within 2 s.
 */
final class Export {

	private Export() {
	}

	static void run(Path jar, SmtpSink smtp) throws Exception {
		Server.scenario("member export (BENCH_ONLY=export)", jar, smtp, Export::measure);
	}

	private static void measure(App app, long t0) throws Exception {
		App.Account member = app.signUp("MENTEE");
		Seed.programOffice();
		Seed.export(member.id(), member.email(), Settings.EXPORT_MENTORSHIPS);
		Run.FACTS.put("load average after seeding", Host.load());
		String path = "/api/me/export";
		byte[] zip = app.download(member.token(), path);
		Run.FACTS.put("archive", zip.length + " bytes, " + entries(zip) + " files");
		for (int i = 0; i < 10; i++) {
			app.download(member.token(), path);
		}
		Samples samples = new Samples();
		String op = "export (" + Settings.EXPORT_MENTORSHIPS + " mentorships)";
		for (int i = 0; i < 100; i++) {
			samples.time(op, () -> app.download(member.token(), path));
		}
		Run.FACTS.put("within 2 s at p95", samples.pct(op, 95) < 2000 ? "yes" : "NO");
		Run.FACTS.put("load average at end", Host.load());
		Run.FACTS.put("total run time", Math.round((System.nanoTime() - t0) / 1e9) + " s");
		write(samples);
	}

	private static int entries(byte[] zip) throws Exception {
		int n = 0;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				n++;
			}
		}
		return n;
	}

	private static void write(Samples samples) throws Exception {
		StringBuilder out = new StringBuilder();
		out.append("# alma-mentoring benchmark: member export\n\n");
		out.append(Run.facts());
		out.append("\nOne member, one request after the other, over HTTP against the jar on MariaDB (ms):\n\n");
		out.append(String.format(Locale.ROOT, "| %-40s | %5s | %8s | %8s | %8s |%n", "operation", "n", "p50",
				"p95", "max"));
		out.append("|---|---:|---:|---:|---:|\n");
		samples.byOp.keySet().stream().sorted().forEach((op) -> out.append(String.format(Locale.ROOT,
				"| %-40s | %5d | %8.1f | %8.1f | %8.1f |%n", op, samples.count(op), samples.pct(op, 50),
				samples.pct(op, 95), samples.pct(op, 100))));
		out.append("\n## Raw samples (milliseconds, in the order taken)\n\n");
		samples.appendRaw(out, "member export");
		System.out.println(out);
		Run.writeResult("-export", out.toString());
	}

}
