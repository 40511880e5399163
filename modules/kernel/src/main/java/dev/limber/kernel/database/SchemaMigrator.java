package dev.limber.kernel.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates each module's schema with its own Flyway history, over JDBC and as the owner
 * role, in the modules' order, then loads their reference data in one transaction: what
 * the application does before it opens its pools, and what a module's tests do on their
 * database. Not a record, so that no string of it names the owner's password.
 */
public final class SchemaMigrator {

	private static final Log logger = LogFactory.getLog(SchemaMigrator.class);

	private final String jdbcUrl;

	private final String owner;

	private final String ownerPassword;

	private final String appRole;

	/**
	 * @param jdbcUrl the database, with any connection options
	 * @param owner the owner role's name
	 * @param ownerPassword the owner role's password
	 * @param appRole the runtime role, which the migrations grant access to
	 * ({@code ${appRole}})
	 */
	public SchemaMigrator(String jdbcUrl, String owner, String ownerPassword, String appRole) {
		this.jdbcUrl = jdbcUrl;
		this.owner = owner;
		this.ownerPassword = ownerPassword;
		this.appRole = appRole;
	}

	public void migrate(List<ModuleSchema> schemas, List<ReferenceData> referenceData) {
		schemas.stream().sorted(Comparator.comparingInt(ModuleSchema::order)).forEach((schema) -> {
			MigrateResult result = Flyway.configure()
				.dataSource(this.jdbcUrl, this.owner, this.ownerPassword)
				.schemas(schema.name())
				.createSchemas(true)
				.locations(schema.migrationLocation())
				.placeholders(Map.of("appRole", this.appRole))
				.load()
				.migrate();
			logger.info("Schema " + schema.name() + " at version " + result.targetSchemaVersion + " ("
					+ result.migrationsExecuted + " migration(s) applied)");
		});
		load(referenceData);
	}

	private void load(List<ReferenceData> referenceData) {
		if (referenceData.isEmpty()) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl, this.owner, this.ownerPassword)) {
			connection.setAutoCommit(false);
			for (ReferenceData data : referenceData) {
				data.load(connection);
			}
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not load reference data", ex);
		}
	}

}
