package dev.limber.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL that Limber treats as external: started here, prepared with the project's
 * own {@code infra/sql/create-roles.sql} as an operator would, then handed to Limber by
 * JDBC URL and role passwords.
 */
public final class ExternalPostgres implements AutoCloseable {

	public static final String OWNER_PASSWORD = "change-me-owner";

	public static final String APP_PASSWORD = "change-me-app";

	private final EmbeddedPostgres postgres;

	private ExternalPostgres(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	public static ExternalPostgres start() throws IOException, SQLException {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(Path.of("target", "pgdata-external-" + UUID.randomUUID()))
			.setCleanDataDirectory(true)
			.start();
		String script = Files.readString(Path.of("../../infra/sql/create-roles.sql"));
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
				if (!sql.isBlank()) {
					statement.execute(sql);
				}
			}
		}
		return new ExternalPostgres(postgres);
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/limber";
	}

	public int port() {
		return this.postgres.getPort();
	}

	/**
	 * Ends every session of the runtime role the way a restarting or failing-over server
	 * does (SQLSTATE 57P01, admin shutdown); returns how many there were.
	 */
	public int terminateAppSessions() throws SQLException {
		return (int) superuser("select count(pg_terminate_backend(pid)) from pg_stat_activity where usename = 'limber_app'");
	}

	/** Statements of the runtime role running right now whose text contains {@code fragment}. */
	public long running(String fragment) throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				PreparedStatement query = connection.prepareStatement("select count(*) from pg_stat_activity "
						+ "where usename = 'limber_app' and state = 'active' and query like ?")) {
			query.setString(1, "%" + fragment + "%");
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private long superuser(String sql) throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** A number from {@code sql} as the runtime role, in a transaction bound to {@code tenant}. */
	public long count(UUID tenant, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), "limber_app", APP_PASSWORD)) {
			connection.setAutoCommit(false);
			try (PreparedStatement bind = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				bind.setString(1, tenant.toString());
				bind.execute();
			}
			try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
				rows.next();
				long value = rows.getLong(1);
				connection.commit();
				return value;
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
