package at.alma.mentoring.platform;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A second server started on the embedded H2 database of a running one: H2 locks its file
 * and refuses the second process (error 90020, "Database may be already in use … use the
 * server mode"). Boot's "APPLICATION FAILED TO START" report says so in one line instead,
 * and names the folder.
 */
class DatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	/** H2's {@code ErrorCode.DATABASE_ALREADY_OPEN_1}. */
	static final int H2_DATABASE_ALREADY_OPEN = 90020;

	private static final Pattern FILE = Pattern.compile("already in use: \"([^\"]+)\"");

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		if (cause.getErrorCode() != H2_DATABASE_ALREADY_OPEN) {
			return null;
		}
		return new FailureAnalysis(
				"The database in " + folderOf(cause.getMessage())
						+ " is in use by another process: stop it or choose another folder.",
				"Stop the other server, or give this one its own database with MENTORING_DB_URL, e.g. "
						+ "jdbc:h2:file:./data-2/mentoring;MODE=MySQL;DB_CLOSE_ON_EXIT=FALSE",
				null);
	}

	/**
	 * The folder of the locked file, as H2 names it; "the data folder" if it does not.
	 */
	static String folderOf(String message) {
		Matcher file = FILE.matcher(String.valueOf(message));
		if (!file.find()) {
			return "the data folder";
		}
		Path parent = Path.of(file.group(1)).getParent();
		return (parent != null) ? parent.toString() : file.group(1);
	}

}
