package dev.limber.app.database;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

import dev.limber.kernel.database.ModuleSchema;
import dev.limber.kernel.database.ReferenceData;

/**
 * Migrates each module's schema with its own Flyway history, over JDBC and as the owner
 * role. Runs before the R2DBC pool exists, so the app never sees a half-migrated schema.
 */
final class SchemaMigrations {

	private static final Log logger = LogFactory.getLog(SchemaMigrations.class);

	private SchemaMigrations() {
	}

	/** Another process (a deployment's migration job) migrates; this one only serves. */
	static SchemaMigrations leftToAnotherProcess() {
		logger.info("Schema migrations skipped (limber.db.migrations=skip): expecting a migrated schema");
		return new SchemaMigrations();
	}

	static SchemaMigrations migrate(DatabaseServer server, List<ModuleSchema> schemas,
			List<ReferenceData> referenceData, DatabaseProperties.Timeouts timeouts) {
		String url = jdbcUrl(server, timeouts);
		schemas.stream().sorted(Comparator.comparingInt(ModuleSchema::order)).forEach((schema) -> {
			MigrateResult result = Flyway.configure()
				.dataSource(url, server.owner().username(), server.owner().password())
				.schemas(schema.name())
				.createSchemas(true)
				.locations(schema.migrationLocation())
				.placeholders(Map.of("appRole", server.app().username()))
				.load()
				.migrate();
			logger.info("Schema " + schema.name() + " at version " + result.targetSchemaVersion + " ("
					+ result.migrationsExecuted + " migration(s) applied)");
		});
		loadReferenceData(server, url, referenceData);
		return new SchemaMigrations();
	}

	/**
	 * The migrations' own, longer timeouts (PgJDBC's {@code options}), and the connect
	 * timeout and keep-alive of every connection.
	 */
	static String jdbcUrl(DatabaseServer server, DatabaseProperties.Timeouts timeouts) {
		String options = "-c statement_timeout=" + timeouts.migrationStatement().toMillis() + " -c lock_timeout="
				+ timeouts.migrationLock().toMillis();
		return server.jdbcUrl() + "?connectTimeout=" + Math.max(1, timeouts.connect().toSeconds()) + "&tcpKeepAlive="
				+ timeouts.tcpKeepAlive() + "&options=" + URLEncoder.encode(options, StandardCharsets.UTF_8);
	}

	private static void loadReferenceData(DatabaseServer server, String url, List<ReferenceData> referenceData) {
		if (referenceData.isEmpty()) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(url, server.owner().username(),
				server.owner().password())) {
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
