import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one run of the benchmark shares between its scenarios: the work folder (server logs, JFR recordings), the
 * facts every result file starts with (commit, command, machine, load), the log, and the result file itself.
 */
final class Run {

	/** A suffix for the e-mail addresses of the members signed up in this run. */
	static final String ID = Long.toString(System.currentTimeMillis(), 36);

	static final Map<String, Object> FACTS = new LinkedHashMap<>();

	static final Path WORK = workFolder();

	private Run() {
	}

	static void log(String s) {
		System.out.println("bench: " + s);
		System.out.flush();
	}

	/** The facts, one aligned line each, as every result file starts. */
	static String facts() {
		StringBuilder out = new StringBuilder();
		FACTS.forEach((k, v) -> out.append(String.format(Locale.ROOT, "%-50s %s%n", k + ":", v)));
		return out.toString();
	}

	/** Writes {@code bench/results/<UTC time><suffix>.txt}. */
	static void writeResult(String suffix, String text) throws IOException {
		Path dir = Files.createDirectories(Settings.ROOT.resolve("bench/results"));
		String name = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
				+ suffix + ".txt";
		Files.writeString(dir.resolve(name), text);
		log("results written to bench/results/" + name);
	}

	private static Path workFolder() {
		try {
			return Files.createTempDirectory("alma-bench");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
