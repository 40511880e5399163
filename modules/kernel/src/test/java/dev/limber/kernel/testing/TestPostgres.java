package dev.limber.kernel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL per test JVM (embedded, from binaries shipped as Maven artifacts),
 * with the two roles Limber runs with: the owner, who migrates, and the runtime role,
 * which row-level security applies to. Every Spring context of a module's test run uses
 * this one server; tests stay independent by onboarding organizations of their own.
 */
public final class TestPostgres {

	public static final String DATABASE = "limber";

	public static final String OWNER = "limber_owner";

	public static final String APP = "limber_app";

	private static final String OWNER_PASSWORD = randomPassword();

	private static final String APP_PASSWORD = randomPassword();

	private static final EmbeddedPostgres postgres = start();

	private TestPostgres() {
	}

	private static EmbeddedPostgres start() {
		try {
			EmbeddedPostgres started = EmbeddedPostgres.builder().start();
			try (Connection connection = started.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute(
						"create role " + OWNER + " login nosuperuser nobypassrls password '" + OWNER_PASSWORD + "'");
				statement.execute("create role " + APP
						+ " login nosuperuser nobypassrls nocreatedb nocreaterole password '" + APP_PASSWORD + "'");
				statement.execute("create database " + DATABASE + " owner " + OWNER);
				statement.execute("revoke all on database " + DATABASE + " from public");
				statement.execute("grant connect on database " + DATABASE + " to " + APP);
			}
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the test database", ex);
		}
	}

	public static int port() {
		return postgres.getPort();
	}

	public static String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
	}

	public static String ownerPassword() {
		return OWNER_PASSWORD;
	}

	public static String appPassword() {
		return APP_PASSWORD;
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
