package at.alma.mentoring.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.stereotype.Component;

/**
 * Fills the search terms (V30) of the members that exist before the search: a Java
 * migration, so that it runs once per database, under Flyway's lock (the first node of a
 * cluster does it, the others wait and find it done), in one transaction with nothing
 * else, and with {@link SearchIndex}'s own rules. A Spring bean that Boot hands to
 * Flyway, so the rules stay inside this module. Members are read in pages by id.
 */
@Component
class V31__search_terms_of_existing_members extends BaseJavaMigration {

	private static final int PAGE = 500;

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		String after = "";
		while (true) {
			Map<String, Profile> page = page(connection, after);
			if (page.isEmpty()) {
				return;
			}
			write(connection, page);
			after = page.keySet().stream().max(String::compareTo).orElseThrow();
		}
	}

	private static Map<String, Profile> page(Connection connection, String after) throws SQLException {
		Map<String, Profile> page = new HashMap<>();
		try (PreparedStatement members = connection
			.prepareStatement("select id, first_name, location, bio from members where id > ? and not exists"
					+ " (select 1 from member_search_terms t where t.member_id = members.id) order by id limit "
					+ PAGE)) {
			members.setString(1, after);
			try (ResultSet rows = members.executeQuery()) {
				while (rows.next()) {
					page.put(rows.getString(1), new Profile(rows.getString(2), rows.getString(3), rows.getString(4),
							new ArrayList<>(), new ArrayList<>()));
				}
			}
		}
		if (page.isEmpty()) {
			return page;
		}
		String last = page.keySet().stream().max(String::compareTo).orElseThrow();
		collect(connection, "select member_id, topic from member_topics", after, last, page, Profile::topics);
		// member_fields: V28
		collect(connection, "select member_id, field from member_fields", after, last, page, Profile::fields);
		return page;
	}

	private static void collect(Connection connection, String select, String after, String last,
			Map<String, Profile> page, Function<Profile, List<String>> list) throws SQLException {
		try (PreparedStatement values = connection
			.prepareStatement(select + " where member_id > ? and member_id <= ? order by member_id, position")) {
			values.setString(1, after);
			values.setString(2, last);
			try (ResultSet rows = values.executeQuery()) {
				while (rows.next()) {
					Profile profile = page.get(rows.getString(1));
					if (profile != null) {
						list.apply(profile).add(rows.getString(2));
					}
				}
			}
		}
	}

	private static void write(Connection connection, Map<String, Profile> page) throws SQLException {
		List<String[]> rows = new ArrayList<>();
		page.forEach((id, profile) -> SearchIndex
			.terms(profile.firstName(), profile.topics(), profile.fields(), profile.location(), profile.bio())
			.forEach((term, source) -> rows
				.add(new String[] { id, term, source.name(), Integer.toString(source.weight()) })));
		for (int from = 0; from < rows.size(); from += SearchIndex.ROWS_PER_INSERT) {
			List<String[]> chunk = rows.subList(from, Math.min(rows.size(), from + SearchIndex.ROWS_PER_INSERT));
			try (PreparedStatement insert = connection.prepareStatement(SearchIndex.insertStatement(chunk.size()))) {
				int parameter = 1;
				for (String[] row : chunk) {
					insert.setString(parameter++, row[0]);
					insert.setString(parameter++, row[1]);
					insert.setString(parameter++, row[2]);
					insert.setInt(parameter++, Integer.parseInt(row[3]));
				}
				insert.executeUpdate();
			}
		}
	}

	private record Profile(String firstName, String location, String bio, List<String> topics, List<String> fields) {
	}

}
