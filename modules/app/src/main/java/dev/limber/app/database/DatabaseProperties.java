package dev.limber.app.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Limber's PostgreSQL is. With no {@code url} an embedded PostgreSQL is started.
 *
 * @param url JDBC URL of an external database ({@code LIMBER_DB_URL}); blank for embedded
 * @param owner role that owns the schemas; used only by migrations
 * @param app role the application runs as; owns nothing and cannot bypass row-level
 * security
 * @param pool R2DBC pools: one each for requests, reports and background work
 * @param timeouts how long to wait for PostgreSQL, at each level
 * @param circuitBreaker when to stop trying PostgreSQL for a moment
 * @param embedded settings of the embedded PostgreSQL
 * @param migrations whether this process migrates the schemas before serving
 * @param reportingReadUrl JDBC URL of a read replica for report queries; blank to read
 * from {@code url}
 */
@ConfigurationProperties("limber.db")
public record DatabaseProperties(String url, @DefaultValue Credentials owner, @DefaultValue AppCredentials app,
		@DefaultValue Pool pool, @DefaultValue Timeouts timeouts, @DefaultValue CircuitBreaker circuitBreaker,
		@DefaultValue Embedded embedded, @DefaultValue("at-start") Migrations migrations, String reportingReadUrl) {

	public boolean isEmbedded() {
		return this.url == null || this.url.isBlank();
	}

	public boolean hasReportingReplica() {
		return this.reportingReadUrl != null && !this.reportingReadUrl.isBlank();
	}

	/**
	 * Who migrates. Several instances behind a load balancer should not each migrate at
	 * start: a one-off job migrates ({@code only}) and the instances {@code skip}.
	 */
	public enum Migrations {

		/**
		 * Migrate as the owner role, then serve (one instance, {@code make run}, tests).
		 */
		AT_START,
		/** Serve a schema migrated by someone else; the owner role is not needed. */
		SKIP,
		/** Migrate as the owner role, then exit: for a deployment's migration job. */
		ONLY

	}

	public record Credentials(@DefaultValue("limber_owner") String username, String password) {
	}

	public record AppCredentials(@DefaultValue("limber_app") String username, String password) {
	}

	/**
	 * Separate budgets, so that HR reports and background work can never take the
	 * connections of employees' requests.
	 *
	 * @param initialSize connections each pool opens at first use
	 * @param maxSize connections for requests (and for the replica pool)
	 * @param reportsMaxSize connections for HR reports; when they are all in use, reports
	 * wait up to {@code acquireTimeout}, then answer 503
	 * @param backgroundMaxSize connections for work outside requests (outbox consumer)
	 * @param acquireTimeout how long a request waits for a free connection, once (no
	 * retry)
	 */
	public record Pool(@DefaultValue("2") int initialSize, @DefaultValue("20") int maxSize,
			@DefaultValue("4") int reportsMaxSize, @DefaultValue("3") int backgroundMaxSize,
			@DefaultValue("2s") Duration acquireTimeout) {
	}

	/**
	 * @param connect TCP connect timeout toward PostgreSQL
	 * @param tcpKeepAlive TCP keep-alive on every connection, so a dead peer is noticed
	 * @param statement {@code statement_timeout} of the runtime role's connections
	 * @param lock {@code lock_timeout} of the runtime role's connections
	 * @param tempFileLimit {@code temp_file_limit} of the runtime role (blank: the
	 * server's)
	 * @param migrationStatement {@code statement_timeout} of the migrations (owner role)
	 * @param migrationLock {@code lock_timeout} of the migrations (owner role)
	 * @param health how long the readiness check waits for PostgreSQL
	 */
	public record Timeouts(@DefaultValue("3s") Duration connect, @DefaultValue("true") boolean tcpKeepAlive,
			@DefaultValue("8s") Duration statement, @DefaultValue("2s") Duration lock,
			@DefaultValue("1GB") String tempFileLimit, @DefaultValue("30m") Duration migrationStatement,
			@DefaultValue("30s") Duration migrationLock, @DefaultValue("2s") Duration health) {
	}

	/**
	 * @param failureRateThreshold percentage of failed database work among the last
	 * {@code window} that opens the breaker
	 * @param minimumCalls how many outcomes are needed before the rate counts
	 * @param window how many of the latest outcomes the rate is taken over
	 * @param openFor how long requests fail fast before a probe may try the database
	 * again
	 */
	public record CircuitBreaker(@DefaultValue("50") int failureRateThreshold, @DefaultValue("5") int minimumCalls,
			@DefaultValue("10") int window, @DefaultValue("1s") Duration openFor) {
	}

	/**
	 * @param dataDirectory kept across restarts unless {@code clean} is set
	 * @param clean wipe the data directory at start (tests)
	 * @param port fixed port, or 0 for any free one
	 */
	public record Embedded(@DefaultValue(".limber/pgdata") Path dataDirectory, @DefaultValue("false") boolean clean,
			@DefaultValue("0") int port) {
	}

}
