package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The engine runs at history level {@code audit} since this version (was the starter's
 * {@code full}); it refuses to start when its configured level differs from the one
 * stored in {@code ACT_GE_PROPERTY}. This lowers a stored {@code full} (3) to
 * {@code audit} (2). On a new database the engine's tables do not exist yet (Flyway runs
 * before the engine) and the engine stores {@code audit} itself.
 */
public class V11__camunda_history_level_audit extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		String table = engineTable(connection.getMetaData(), connection.getCatalog());
		if (table == null) {
			return;
		}
		try (PreparedStatement update = connection
			.prepareStatement("update " + table + " set VALUE_ = '2' where NAME_ = 'historyLevel' and VALUE_ = '3'")) {
			update.executeUpdate();
		}
	}

	private static String engineTable(DatabaseMetaData metaData, String catalog) throws SQLException {
		for (String name : new String[] { "ACT_GE_PROPERTY", "act_ge_property" }) {
			try (ResultSet tables = metaData.getTables(catalog, null, name, new String[] { "TABLE" })) {
				if (tables.next()) {
					return name;
				}
			}
		}
		return null;
	}

}
