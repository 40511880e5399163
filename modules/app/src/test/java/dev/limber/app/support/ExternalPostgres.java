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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL that Limber treats as external: a server process of its own, started here,
 * prepared with the project's own {@code infra/sql/create-roles.sql} as an operator
 * would, then handed to Limber by JDBC URL and role passwords. A test can do to it what
 * happens to real servers: {@link #stop()} it (fast shutdown, as
 * {@code pg_ctl stop -m fast} does) and {@link #startAgain()} it on the same port and
 * data, {@link #freeze()} it with {@code SIGSTOP} and {@link #thaw()} it. Commits are
 * synchronous, as on a production server; its own log goes to a file beside its data, not
 * into the test's log.
 */
public final class ExternalPostgres implements AutoCloseable {

	public static final String OWNER_PASSWORD = "change-me-owner";

	public static final String APP_PASSWORD = "change-me-app";

	private static final Duration STARTUP = Duration.ofSeconds(60);

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	/**
	 * How the postmaster was started (binary and arguments), to start it again the same
	 * way.
	 */
	private final List<String> postmasterCommand;

	private final List<ProcessHandle> frozen = new ArrayList<>();

	private Process restarted;

	private ExternalPostgres(EmbeddedPostgres postgres, Path dataDirectory) throws IOException {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
		ProcessHandle.Info postmaster = postmaster().info();
		this.postmasterCommand = new ArrayList<>();
		this.postmasterCommand.add(postmaster.command().orElseThrow());
		this.postmasterCommand.addAll(List.of(postmaster.arguments().orElseThrow()));
	}

	public static ExternalPostgres start() throws IOException, SQLException {
		Path dataDirectory = Path.of("target", "pgdata-external-" + UUID.randomUUID()).toAbsolutePath();
		Path log = Path.of(dataDirectory + ".log");
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(true)
			.setServerConfig("synchronous_commit", "on")
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
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
		return new ExternalPostgres(postgres, dataDirectory);
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/limber";
	}

	public int port() {
		return this.postgres.getPort();
	}

	/**
	 * Fast shutdown ({@code SIGINT} to the postmaster, what {@code pg_ctl stop -m fast}
	 * sends): sessions are ended with {@code 57P01}, open transactions roll back,
	 * committed ones are on disk. Returns once the postmaster has exited and the port is
	 * closed.
	 */
	public void stop() throws Exception {
		ProcessHandle postmaster = postmaster();
		signal("INT", List.of(postmaster));
		postmaster.onExit().get(30, TimeUnit.SECONDS);
	}

	/**
	 * Starts the stopped server again, same port and data; returns once it accepts
	 * connections.
	 */
	public void startAgain() throws Exception {
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			// PostgreSQL refuses to run as root; a user namespace makes it someone else
			// (as the embedded one does)
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(this.postmasterCommand);
		this.restarted = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(this.dataDirectory + ".log").toFile()))
			.start();
		long giveUp = System.nanoTime() + STARTUP.toNanos();
		while (true) {
			try (Connection connection = this.postgres.getPostgresDatabase().getConnection()) {
				return;
			}
			catch (SQLException ex) {
				if (!this.restarted.isAlive() || System.nanoTime() > giveUp) {
					throw new IllegalStateException(
							"PostgreSQL did not start again; see " + this.dataDirectory + ".log", ex);
				}
				Thread.sleep(50);
			}
		}
	}

	/**
	 * {@code SIGSTOP} to the postmaster and every backend: connections stay open, nothing
	 * answers, new connections are accepted by the kernel and then hang (a frozen VM, a
	 * stuck storage, a partition that keeps sockets).
	 */
	public void freeze() throws Exception {
		ProcessHandle postmaster = postmaster();
		this.frozen.add(postmaster);
		this.frozen.addAll(postmaster.descendants().toList());
		signal("STOP", this.frozen);
	}

	public void thaw() throws Exception {
		if (!this.frozen.isEmpty()) {
			signal("CONT", this.frozen);
			this.frozen.clear();
		}
	}

	/**
	 * Connections named {@code applicationName} (Limber names them by pool) that are in
	 * use right now.
	 */
	public long busyConnections(String applicationName) throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				PreparedStatement query = connection.prepareStatement(
						"select count(*) from pg_stat_activity " + "where application_name = ? and state <> 'idle'")) {
			query.setString(1, applicationName);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	/**
	 * Statements of the runtime role running right now whose text contains
	 * {@code fragment}.
	 */
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

	/**
	 * A number from {@code sql} as the runtime role, in a transaction bound to
	 * {@code tenant}.
	 */
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

	/**
	 * Rows of {@code sql} (a text and a number) as the runtime role in {@code tenant}, as
	 * a map.
	 */
	public Map<String, Long> pairs(UUID tenant, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), "limber_app", APP_PASSWORD)) {
			connection.setAutoCommit(false);
			try (PreparedStatement bind = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				bind.setString(1, tenant.toString());
				bind.execute();
			}
			Map<String, Long> pairs = new HashMap<>();
			try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
				while (rows.next()) {
					pairs.put(rows.getString(1), rows.getLong(2));
				}
			}
			connection.commit();
			return pairs;
		}
	}

	/** The running postmaster, by the process id it wrote into its data directory. */
	private ProcessHandle postmaster() throws IOException {
		long pid = Long.parseLong(Files.readAllLines(this.dataDirectory.resolve("postmaster.pid")).get(0).trim());
		return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster with pid " + pid));
	}

	private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
		List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
		processes.forEach((process) -> command.add(String.valueOf(process.pid())));
		Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(kill.getInputStream().readAllBytes());
		if (kill.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
	}

	@Override
	public void close() throws Exception {
		thaw();
		if (Files.exists(this.dataDirectory.resolve("postmaster.pid"))) {
			this.postgres.close();
		}
		if (this.restarted != null) {
			// a postmaster started here has stopped with the fast shutdown above; this
			// only waits for it
			this.restarted.onExit().get(30, TimeUnit.SECONDS);
		}
	}

}
