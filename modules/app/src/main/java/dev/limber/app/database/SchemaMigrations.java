package dev.limber.app.database;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.limber.kernel.database.ModuleSchema;
import dev.limber.kernel.database.ReferenceData;
import dev.limber.kernel.database.SchemaMigrator;

/**
 * Migrates each module's schema ({@link SchemaMigrator}) over JDBC and as the owner role.
 * Runs before the R2DBC pool exists, so the app never sees a half-migrated schema.
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
		new SchemaMigrator(jdbcUrl(server, timeouts), server.owner().username(), server.owner().password(),
				server.app().username())
			.migrate(schemas, referenceData);
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

}
