package dev.limber.app.database;

import java.net.URI;

/** Reads an external database's address from its JDBC URL. */
final class ExternalDatabase {

	private static final int DEFAULT_PORT = 5432;

	private ExternalDatabase() {
	}

	static DatabaseServer from(DatabaseProperties properties) {
		String url = properties.url().trim();
		if (!url.startsWith("jdbc:postgresql://")) {
			throw new IllegalArgumentException("limber.db.url must look like jdbc:postgresql://host:5432/limber");
		}
		URI uri = URI.create(url.substring("jdbc:".length()));
		String database = uri.getPath().replaceFirst("^/", "");
		return new DatabaseServer(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : DEFAULT_PORT, database,
				new DatabaseServer.Login(properties.owner().username(), properties.owner().password()),
				new DatabaseServer.Login(properties.app().username(), properties.app().password()), false);
	}

}
