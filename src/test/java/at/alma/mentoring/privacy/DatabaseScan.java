package at.alma.mentoring.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads every table of the test database — the application's and all of the process
 * engine's (runtime, history, byte arrays) — and finds where any of a set of texts
 * stands, case-insensitive: in every character, CLOB, binary and BLOB column. Binary
 * values are decoded as UTF-8 and as ISO-8859-1, which also covers Java-serialized
 * strings (written in modified UTF-8, identical to UTF-8 for these texts, with a length
 * before them), and a PDF is searched in its extracted text, since its content streams
 * are compressed.
 */
final class DatabaseScan {

	private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
			Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);

	private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

	private DatabaseScan() {
	}

	/**
	 * Where the texts were found: "table.column: text"; empty when none is anywhere. Also
	 * returns how many tables were read, so a scan that reads nothing fails.
	 */
	static Result find(DataSource dataSource, List<String> texts) throws SQLException {
		List<String> needles = texts.stream().map((text) -> text.toLowerCase(Locale.ROOT)).toList();
		List<String> found = new ArrayList<>();
		List<String> tables = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			Map<String, List<String>> columns = columns(connection);
			String quote = connection.getMetaData().getIdentifierQuoteString().strip();
			for (Map.Entry<String, List<String>> table : columns.entrySet()) {
				tables.add(table.getKey());
				String sql = "select "
						+ String.join(", ", table.getValue().stream().map((column) -> quote + column + quote).toList())
						+ " from " + quote + table.getKey() + quote;
				try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
					while (rows.next()) {
						for (int i = 1; i <= table.getValue().size(); i++) {
							String value = text(rows, i);
							if (value == null) {
								continue;
							}
							String lower = value.toLowerCase(Locale.ROOT);
							for (int n = 0; n < needles.size(); n++) {
								if (lower.contains(needles.get(n))) {
									found.add(table.getKey() + "." + table.getValue().get(i - 1) + ": " + texts.get(n));
								}
							}
						}
					}
				}
			}
		}
		return new Result(found, tables);
	}

	private static Map<String, List<String>> columns(Connection connection) throws SQLException {
		DatabaseMetaData metadata = connection.getMetaData();
		boolean h2 = metadata.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
		String catalog = h2 ? null : connection.getCatalog();
		String schema = h2 ? connection.getSchema() : null;
		Map<String, List<String>> columns = new LinkedHashMap<>();
		try (ResultSet tables = metadata.getTables(catalog, schema, "%", new String[] { "TABLE", "BASE TABLE" })) {
			while (tables.next()) {
				columns.put(tables.getString("TABLE_NAME"), new ArrayList<>());
			}
		}
		try (ResultSet found = metadata.getColumns(catalog, schema, "%", "%")) {
			while (found.next()) {
				List<String> ofTable = columns.get(found.getString("TABLE_NAME"));
				int type = found.getInt("DATA_TYPE");
				if (ofTable != null && (TEXT.contains(type) || BINARY.contains(type))) {
					ofTable.add(found.getString("COLUMN_NAME"));
				}
			}
		}
		columns.values().removeIf(List::isEmpty);
		return columns;
	}

	private static String text(ResultSet rows, int column) throws SQLException {
		int type = rows.getMetaData().getColumnType(column);
		if (!BINARY.contains(type)) {
			return rows.getString(column);
		}
		byte[] bytes = rows.getBytes(column);
		if (bytes == null) {
			return null;
		}
		String decoded = new String(bytes, StandardCharsets.UTF_8) + "\n"
				+ new String(bytes, StandardCharsets.ISO_8859_1);
		if (decoded.startsWith("%PDF")) {
			try (PDDocument pdf = Loader.loadPDF(bytes)) {
				decoded += "\n" + new PDFTextStripper().getText(pdf);
			}
			catch (IOException ex) {
				// not a whole PDF (other tests store stand-ins): its bytes were searched
				// above
			}
		}
		return decoded;
	}

	record Result(List<String> found, List<String> tables) {
	}

}
