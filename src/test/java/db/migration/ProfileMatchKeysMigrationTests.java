package db.migration;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V29 gives the profiles that existed before V28 their compared topics and languages:
 * folded the way the application folds them, one per spelling, topics first.
 */
class ProfileMatchKeysMigrationTests {

	@Test
	void fillsMatchKeysOfExistingProfiles() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:v29-" + System.nanoTime() + ";MODE=MySQL;DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).target("28").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.update("insert into members (id, email, password_hash, first_name, last_name, language, time_zone,"
				+ " mentor_available, mentor_capacity, created_at, version)"
				+ " values ('m1', 'm1@test', 'x', 'A', 'B', 'DE', 'Europe/Vienna', true, 1, current_timestamp, 0)");
		jdbc.update(
				"insert into member_topics (member_id, position, topic) values ('m1', 0, 'Künstliche  Intelligenz'),"
						+ " ('m1', 1, 'kunstliche intelligenz'), ('m1', 2, 'Straße')");
		jdbc.update("insert into member_languages (member_id, position, language) values ('m1', 0, 'Français')");

		Flyway.configure().dataSource(dataSource).target("29").load().migrate();

		List<Map<String, Object>> keys = jdbc
			.queryForList("select position, kind, match_key, label from member_match_keys order by position");
		assertThat(keys).extracting((row) -> row.get("KIND") + "|" + row.get("MATCH_KEY") + "|" + row.get("LABEL"))
			.containsExactly("TOPIC|kunstliche intelligenz|Künstliche  Intelligenz", "TOPIC|strasse|Straße",
					"LANGUAGE|francais|Français");
		assertThat(keys).extracting((row) -> ((Number) row.get("POSITION")).intValue()).containsExactly(0, 1, 2);
	}

}
