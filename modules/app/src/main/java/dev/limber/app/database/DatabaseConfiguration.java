package dev.limber.app.database;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.database.ModuleSchema;
import dev.limber.kernel.database.ReferenceData;
import dev.limber.kernel.notify.DatabaseNotifications;
import dev.limber.kernel.tenant.TenantBindingTransactionManager;

/**
 * Wires the database: start or find PostgreSQL, migrate every module's schema as the
 * owner, then open the R2DBC pool as the runtime role that row-level security applies to.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	ManagedDatabase managedDatabase(DatabaseProperties properties) throws IOException, SQLException {
		return ManagedDatabase.start(properties);
	}

	/** Where the database is, for tools that start a second instance on it (tests, benchmarks). */
	@Bean
	DatabaseServer databaseServer(ManagedDatabase database) {
		return database.server();
	}

	@Bean
	SchemaMigrations schemaMigrations(ManagedDatabase database, List<ModuleSchema> schemas,
			ObjectProvider<ReferenceData> referenceData) {
		return SchemaMigrations.migrate(database.server(), schemas, referenceData.orderedStream().toList());
	}

	@Bean(destroyMethod = "dispose")
	ConnectionPool connectionFactory(ManagedDatabase database, SchemaMigrations migrated,
			DatabaseProperties properties) {
		return new ConnectionPool(ConnectionPoolConfiguration.builder(runtimeConnections(database.server()))
			.name("limber")
			.initialSize(properties.pool().initialSize())
			.maxSize(properties.pool().maxSize())
			.maxIdleTime(Duration.ofMinutes(10))
			.maxAcquireTime(Duration.ofSeconds(5))
			.build());
	}

	/** A connection of its own, outside the pool, listens for notifications from every instance. */
	@Bean
	DatabaseNotifications databaseNotifications(ManagedDatabase database, SchemaMigrations migrated,
			DatabaseClient client) {
		return new DatabaseNotifications(runtimeConnections(database.server()), client);
	}

	private static PostgresqlConnectionFactory runtimeConnections(DatabaseServer server) {
		return new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
			.host(server.host())
			.port(server.port())
			.database(server.database())
			.username(server.app().username())
			.password(server.app().password())
			.applicationName("limber")
			.build());
	}

	@Bean
	ReactiveTransactionManager transactionManager(ConnectionPool connectionFactory) {
		return new TenantBindingTransactionManager(connectionFactory);
	}

	@Bean
	TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
		return TransactionalOperator.create(transactionManager);
	}

}
