package at.alma.mentoring.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Packs every module's contribution into one ZIP: {@code manifest.json} first (format
 * {@value #FORMAT}, the member, the time, the list of files), then the sections and the
 * documents. Built in memory, like the other downloads: a member's data is small (the
 * certificate PDFs are the bulk).
 */
@Service
public class MemberExport {

	/**
	 * The archive's format and version; a change that breaks a reader raises the number.
	 */
	static final String FORMAT = "alma-export/1";

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

	private static final Pattern PATH = Pattern.compile("[a-z][a-z0-9-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)+");

	private final List<PersonalData> contributions;

	private final ObjectWriter json;

	private final Clock clock;

	MemberExport(List<PersonalData> contributions, ObjectMapper objectMapper, Clock clock) {
		this.contributions = contributions;
		this.json = objectMapper.writerWithDefaultPrettyPrinter();
		this.clock = clock;
	}

	/** One read-only transaction, so that all sections come from one connection. */
	@Transactional(readOnly = true)
	public byte[] of(UUID memberId) {
		Collected collected = new Collected();
		for (PersonalData contribution : this.contributions) {
			contribution.exportTo(memberId, collected);
		}
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("format", FORMAT);
		manifest.put("memberId", memberId);
		manifest.put("createdAt", Instant.now(this.clock));
		manifest.put("sections", collected.sections.keySet().stream().map((name) -> name + ".json").toList());
		manifest.put("documents", List.copyOf(collected.documents.keySet()));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			put(zip, "manifest.json", this.json.writeValueAsBytes(manifest));
			for (Map.Entry<String, Object> section : collected.sections.entrySet()) {
				put(zip, section.getKey() + ".json", this.json.writeValueAsBytes(section.getValue()));
			}
			for (Map.Entry<String, byte[]> document : collected.documents.entrySet()) {
				put(zip, document.getKey(), document.getValue());
			}
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A section of the export cannot be written as JSON", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

	private static final class Collected implements PersonalDataArchive {

		private final Map<String, Object> sections = new TreeMap<>();

		private final Map<String, byte[]> documents = new TreeMap<>();

		@Override
		public void section(String name, Object content) {
			if (!NAME.matcher(name).matches() || name.equals("manifest")) {
				throw new IllegalArgumentException("Not a section name: " + name);
			}
			if (this.sections.putIfAbsent(name, content) != null) {
				throw new IllegalStateException("Section written twice: " + name);
			}
		}

		@Override
		public void document(String path, byte[] content) {
			if (!PATH.matcher(path).matches() || path.contains("..")) {
				throw new IllegalArgumentException("Not a document path: " + path);
			}
			if (this.documents.putIfAbsent(path, content) != null) {
				throw new IllegalStateException("Document written twice: " + path);
			}
		}

	}

}
