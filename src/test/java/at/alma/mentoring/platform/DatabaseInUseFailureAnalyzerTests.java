package at.alma.mentoring.platform;

import java.nio.file.Path;
import java.sql.SQLException;

import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second server on the data folder of a running one gets one clear line instead of H2's
 * stack trace and its advice to use the server mode. The exception is H2's own, as the
 * connection pool receives it.
 */
class DatabaseInUseFailureAnalyzerTests {

	@Test
	void namesTheFolderThatIsInUse() {
		String file = Path.of("/srv/alma/data/mentoring.mv.db").toString();
		SQLException locked = DbException.getJdbcSQLException(ErrorCode.DATABASE_ALREADY_OPEN_1, null, file);
		var startup = new IllegalStateException("Failed to initialize pool",
				new RuntimeException("HikariPool-1 - Exception during pool initialization", locked));

		FailureAnalysis analysis = new DatabaseInUseFailureAnalyzer().analyze(startup);

		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo("The database in " + Path.of("/srv/alma/data")
				+ " is in use by another process: stop it or choose another folder.");
		assertThat(analysis.getAction()).contains("MENTORING_DB_URL");
	}

	@Test
	void leavesOtherDatabaseFailuresToBoot() {
		SQLException wrongPassword = DbException.getJdbcSQLException(ErrorCode.WRONG_USER_OR_PASSWORD);
		assertThat(new DatabaseInUseFailureAnalyzer().analyze(wrongPassword)).isNull();
	}

}
