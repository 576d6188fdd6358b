import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** Where the server spent its CPU: a JFR recording's execution samples by library, by method, by app method. */
final class JfrSummary {

	static String of(Path file) {
		if (!Files.exists(file)) {
			return "(no recording)\n";
		}
		Map<String, Integer> top = new HashMap<>();
		Map<String, Integer> area = new HashMap<>();
		Map<String, Integer> appFrames = new HashMap<>();
		int total = 0;
		try (var rf = new RecordingFile(file)) {
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

	static String areaOf(List<RecordedFrame> frames) {
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
