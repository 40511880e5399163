package dev.limber.app.database;

import java.net.URI;

/** Reads an external database's address from its JDBC URL. */
final class ExternalDatabase {

	private static final int DEFAULT_PORT = 5432;

	private ExternalDatabase() {
	}

	static DatabaseServer from(DatabaseProperties properties) {
		return from("limber.db.url", properties.url(), properties);
	}

	/** The read replica for reports, reached with the same roles as the primary. */
	static DatabaseServer reportingReplica(DatabaseProperties properties) {
		return from("limber.db.reporting-read-url", properties.reportingReadUrl(), properties);
	}

	private static DatabaseServer from(String setting, String jdbcUrl, DatabaseProperties properties) {
		String url = jdbcUrl.trim();
		if (!url.startsWith("jdbc:postgresql://")) {
			throw new IllegalArgumentException(setting + " must look like jdbc:postgresql://host:5432/limber");
		}
		URI uri = URI.create(url.substring("jdbc:".length()));
		String database = uri.getPath().replaceFirst("^/", "");
		return new DatabaseServer(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : DEFAULT_PORT, database,
				new DatabaseServer.Login(properties.owner().username(), properties.owner().password()),
				new DatabaseServer.Login(properties.app().username(), properties.app().password()), false);
	}

}
