package dev.limber.app.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Limber's PostgreSQL is. With no {@code url} an embedded PostgreSQL is started.
 *
 * @param url JDBC URL of an external database ({@code LIMBER_DB_URL}); blank for embedded
 * @param owner role that owns the schemas; used only by migrations
 * @param app role the application runs as; owns nothing and cannot bypass row-level security
 * @param pool R2DBC pool sizing
 * @param embedded settings of the embedded PostgreSQL
 * @param migrations whether this process migrates the schemas before serving
 * @param reportingReadUrl JDBC URL of a read replica for report queries; blank to read from
 * {@code url}
 */
@ConfigurationProperties("limber.db")
public record DatabaseProperties(String url, @DefaultValue Credentials owner, @DefaultValue AppCredentials app,
		@DefaultValue Pool pool, @DefaultValue Embedded embedded, @DefaultValue("at-start") Migrations migrations,
		String reportingReadUrl) {

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

		/** Migrate as the owner role, then serve (one instance, {@code make run}, tests). */
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

	public record Pool(@DefaultValue("2") int initialSize, @DefaultValue("20") int maxSize) {
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
