package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code member_match_keys} for the profiles that existed before V28: the compared
 * form of every topic and language (no member has fields yet). The folding is a frozen
 * copy of {@code member.MatchKeys} as of this version (SQL cannot drop accents the same
 * way on H2 and MariaDB); the application keeps the keys from here on.
 * <p>
 * Also indexes the achievements by (member, kind, side): recommendations count every
 * candidate's meetings held as mentor, and with the side in the index that count reads
 * the index alone (the directory's engagement sort too).
 */
public class V29__profile_match_keys extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (Statement index = connection.createStatement()) {
			index.execute("create index ix_achievements_engagement on achievements (member_id, kind, member_role)");
		}
		try (Statement select = connection.createStatement();
				ResultSet rows = select.executeQuery("select member_id, 'TOPIC' as kind, position, topic as label"
						+ " from member_topics union all select member_id, 'LANGUAGE', position, language"
						+ " from member_languages order by 1, 2 desc, 3");
				PreparedStatement insert = connection.prepareStatement(
						"insert into member_match_keys (member_id, position, kind, match_key, label) values (?, ?, ?, ?, ?)")) {
			String member = null;
			int position = 0;
			Set<String> seen = new HashSet<>();
			int batched = 0;
			while (rows.next()) {
				if (!Objects.equals(member, rows.getString(1))) {
					member = rows.getString(1);
					position = 0;
					seen.clear();
				}
				String kind = rows.getString(2);
				String label = rows.getString(4);
				String key = key(label);
				if (key.isEmpty() || !seen.add(kind + ":" + key)) {
					continue;
				}
				insert.setString(1, member);
				insert.setInt(2, position++);
				insert.setString(3, kind);
				insert.setString(4, key);
				insert.setString(5, label);
				insert.addBatch();
				if (++batched % 500 == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
		}
	}

	private static String key(String text) {
		String key = Normalizer.normalize(text, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.replace("ß", "ss")
			.toLowerCase(Locale.ROOT)
			.replaceAll("\\s+", " ")
			.strip();
		return (key.length() > 120) ? key.substring(0, 120) : key;
	}

}
