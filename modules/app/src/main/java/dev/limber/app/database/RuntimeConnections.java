package dev.limber.app.database;

import java.time.Duration;
import java.util.regex.Pattern;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.limber.kernel.database.DatabaseFailures;

/**
 * Connections of the runtime role, each with the timeouts of the request path: a TCP
 * connect timeout and keep-alive, {@code statement_timeout} and {@code lock_timeout} sent
 * at start-up, and {@code temp_file_limit} set right after (it needs a privilege the
 * operator grants; without it the server's limit stays and one WARN says so).
 */
final class RuntimeConnections {

	private static final Log logger = LogFactory.getLog(RuntimeConnections.class);

	private static final Pattern SIZE = Pattern.compile("-1|\\d+\\s*(kB|MB|GB|TB)?");

	private RuntimeConnections() {
	}

	static PostgresqlConnectionFactory factory(DatabaseServer server, String applicationName,
			DatabaseProperties.Timeouts timeouts) {
		return factory(server, applicationName, timeouts, false);
	}

	/**
	 * @param binaryResults whether rows come in PostgreSQL's binary format: reports read
	 * arrays of thousands of numbers, which the text format makes the driver parse digit
	 * by digit
	 */
	static PostgresqlConnectionFactory factory(DatabaseServer server, String applicationName,
			DatabaseProperties.Timeouts timeouts, boolean binaryResults) {
		return new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
			.host(server.host())
			.port(server.port())
			.database(server.database())
			.username(server.app().username())
			.password(server.app().password())
			.applicationName(applicationName)
			.connectTimeout(timeouts.connect())
			.tcpKeepAlive(timeouts.tcpKeepAlive())
			.statementTimeout(timeouts.statement())
			.lockWaitTimeout(timeouts.lock())
			.forceBinary(binaryResults)
			.build());
	}

	/**
	 * A pool that waits {@code acquireTimeout} for a connection once: r2dbc-pool would
	 * otherwise try a second time and double the wait.
	 */
	static ConnectionPool pool(String name, int maxSize, DatabaseServer server, DatabaseProperties properties) {
		return pool(name, maxSize, server, properties, false);
	}

	/** The same for reports, whose rows come in the binary format. */
	static ConnectionPool reportPool(String name, int maxSize, DatabaseServer server, DatabaseProperties properties) {
		return pool(name, maxSize, server, properties, true);
	}

	private static ConnectionPool pool(String name, int maxSize, DatabaseServer server, DatabaseProperties properties,
			boolean binaryResults) {
		DatabaseProperties.Pool sizing = properties.pool();
		DatabaseProperties.Timeouts timeouts = properties.timeouts();
		return new ConnectionPool(ConnectionPoolConfiguration.builder(factory(server, name, timeouts, binaryResults))
			.name(name)
			.initialSize(Math.min(sizing.initialSize(), maxSize))
			.maxSize(maxSize)
			.maxIdleTime(Duration.ofMinutes(10))
			.maxAcquireTime(sizing.acquireTimeout())
			.maxCreateConnectionTime(timeouts.connect().plus(sizing.acquireTimeout()))
			.acquireRetry(0)
			.postAllocate((connection) -> limitTempFiles(connection, timeouts.tempFileLimit()))
			.build());
	}

	private static Mono<Void> limitTempFiles(Connection connection, String limit) {
		if (limit == null || limit.isBlank()) {
			return Mono.empty();
		}
		if (!SIZE.matcher(limit.trim()).matches()) {
			return Mono.error(new IllegalArgumentException(
					"limber.db.timeouts.temp-file-limit must look like 1GB, 500MB or -1, not " + limit));
		}
		return Flux.from(connection.createStatement("set temp_file_limit = '" + limit.trim() + "'").execute())
			.flatMap((result) -> result.getRowsUpdated())
			.then()
			// a connection lost meanwhile fails as any other; only a missing privilege
			// is shrugged off
			.onErrorResume((ex) -> !DatabaseFailures.isUnavailable(ex), (ex) -> {
				TempFileLimitWarning.once(ex);
				return Mono.empty();
			});
	}

	/** Said once per process, not per connection. */
	private static final class TempFileLimitWarning {

		private static volatile boolean said;

		static void once(Throwable ex) {
			if (!said) {
				said = true;
				logger.warn("Could not set temp_file_limit for the runtime role (" + ex.getMessage()
						+ "); grant it with infra/sql/create-roles.sql or set it with alter role");
			}
		}

	}

}
