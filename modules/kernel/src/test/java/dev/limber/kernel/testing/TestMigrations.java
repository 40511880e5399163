package dev.limber.kernel.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;

import dev.limber.kernel.database.ModuleSchema;
import dev.limber.kernel.database.ReferenceData;

/**
 * Migrates the schemas of the modules in a test's context, each with its own Flyway
 * history and as the owner, then loads their reference data: what the application does at
 * start-up. A second context in the same JVM finds them migrated.
 */
public final class TestMigrations {

	private TestMigrations() {
	}

	static TestMigrations migrate(List<ModuleSchema> schemas, List<ReferenceData> referenceData) {
		synchronized (TestMigrations.class) {
			schemas.stream()
				.sorted(Comparator.comparingInt(ModuleSchema::order))
				.forEach((schema) -> Flyway.configure()
					.dataSource(TestPostgres.jdbcUrl(), TestPostgres.OWNER, TestPostgres.ownerPassword())
					.schemas(schema.name())
					.createSchemas(true)
					.locations(schema.migrationLocation())
					.placeholders(Map.of("appRole", TestPostgres.APP))
					.load()
					.migrate());
			try (Connection connection = DriverManager.getConnection(TestPostgres.jdbcUrl(), TestPostgres.OWNER,
					TestPostgres.ownerPassword())) {
				connection.setAutoCommit(false);
				for (ReferenceData data : referenceData) {
					data.load(connection);
				}
				connection.commit();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not load reference data", ex);
			}
			return new TestMigrations();
		}
	}

}
