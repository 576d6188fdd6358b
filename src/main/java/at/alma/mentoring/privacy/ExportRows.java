package at.alma.mentoring.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Reading the columns of an export's rows as the app stores them: instants are UTC
 * {@code datetime} values, ids {@code char(36)}.
 */
public final class ExportRows {

	private ExportRows() {
	}

	public static Instant instant(ResultSet row, String column) throws SQLException {
		LocalDateTime value = row.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	public static LocalDate date(ResultSet row, String column) throws SQLException {
		return row.getObject(column, LocalDate.class);
	}

	public static UUID uuid(ResultSet row, String column) throws SQLException {
		String value = row.getString(column);
		return (value != null) ? UUID.fromString(value) : null;
	}

	public static Integer integer(ResultSet row, String column) throws SQLException {
		int value = row.getInt(column);
		return row.wasNull() ? null : value;
	}

}
