package dev.limber.app.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A real PostgreSQL started from binaries shipped as Maven artifacts, so that a fresh
 * clone needs no database installed. Its data directory survives restarts.
 */
final class EmbeddedPostgresServer {

	private static final Log logger = LogFactory.getLog(EmbeddedPostgresServer.class);

	private static final String DATABASE = "limber";

	private final EmbeddedPostgres postgres;

	private final DatabaseServer server;

	EmbeddedPostgresServer(DatabaseProperties properties) throws IOException, SQLException {
		Path dataDirectory = properties.embedded().dataDirectory().toAbsolutePath();
		Files.createDirectories(dataDirectory.getParent());
		boolean existing = Files.exists(dataDirectory.resolve("PG_VERSION")) && !properties.embedded().clean();
		this.postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(properties.embedded().clean())
			.setPort(properties.embedded().port())
			// stopped by the application context after everything that uses it
			// (destroy()), not by a JVM shutdown hook racing the context's own shutdown
			// and failing its pollers
			.setRegisterShutdownHook(false)
			.start();
		DatabaseServer.Login owner = new DatabaseServer.Login(properties.owner().username(), randomPassword());
		DatabaseServer.Login app = new DatabaseServer.Login(properties.app().username(), randomPassword());
		try {
			prepareRolesAndDatabase(owner, app);
		}
		catch (SQLException | RuntimeException ex) {
			// no shutdown hook and no bean yet: nothing else would stop it
			this.postgres.close();
			throw ex;
		}
		this.server = new DatabaseServer("localhost", this.postgres.getPort(), DATABASE, owner, app, true);
		logger.info("Embedded PostgreSQL " + (existing ? "restarted on existing data" : "started with new data")
				+ " at " + this.server.jdbcUrl() + " (data directory " + dataDirectory + ")");
	}

	DatabaseServer server() {
		return this.server;
	}

	/**
	 * Creates the owner and the runtime role on first start; new passwords at every
	 * start.
	 */
	private void prepareRolesAndDatabase(DatabaseServer.Login owner, DatabaseServer.Login app) throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			ensureRole(connection, owner, "login nosuperuser nobypassrls");
			ensureRole(connection, app, "login nosuperuser nobypassrls nocreatedb nocreaterole");
			if (!exists(connection, "select 1 from pg_database where datname = ?", DATABASE)) {
				statement.execute("create database " + DATABASE + " owner " + owner.username());
			}
			statement.execute("revoke all on database " + DATABASE + " from public");
			statement.execute("grant connect on database " + DATABASE + " to " + app.username());
			// lets the runtime role's connections set their
			// temp_file_limit (limber.db.timeouts.temp-file-limit)
			statement.execute("grant set on parameter temp_file_limit to " + app.username());
		}
	}

	private static void ensureRole(Connection connection, DatabaseServer.Login login, String attributes)
			throws SQLException {
		try (Statement statement = connection.createStatement()) {
			String verb = exists(connection, "select 1 from pg_roles where rolname = ?", login.username()) ? "alter"
					: "create";
			statement.execute(
					verb + " role " + login.username() + " " + attributes + " password '" + login.password() + "'");
		}
	}

	private static boolean exists(Connection connection, String sql, String name) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, name);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	void destroy() throws IOException {
		this.postgres.close();
	}

}
