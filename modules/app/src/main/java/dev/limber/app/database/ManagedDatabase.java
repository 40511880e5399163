package dev.limber.app.database;

import java.io.IOException;
import java.sql.SQLException;

import org.springframework.beans.factory.DisposableBean;

/**
 * The database for this run: an external one as configured, or an embedded one we own.
 */
final class ManagedDatabase implements DisposableBean {

	private final DatabaseServer server;

	private final EmbeddedPostgresServer embedded;

	private ManagedDatabase(DatabaseServer server, EmbeddedPostgresServer embedded) {
		this.server = server;
		this.embedded = embedded;
	}

	static ManagedDatabase start(DatabaseProperties properties) throws IOException, SQLException {
		if (!properties.isEmbedded()) {
			return new ManagedDatabase(ExternalDatabase.from(properties), null);
		}
		EmbeddedPostgresServer embedded = new EmbeddedPostgresServer(properties);
		return new ManagedDatabase(embedded.server(), embedded);
	}

	DatabaseServer server() {
		return this.server;
	}

	@Override
	public void destroy() throws IOException {
		if (this.embedded != null) {
			this.embedded.destroy();
		}
	}

}
