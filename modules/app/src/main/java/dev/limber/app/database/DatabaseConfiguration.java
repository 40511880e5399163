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
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import dev.limber.kernel.database.ModuleSchema;
import dev.limber.kernel.database.ReadReplica;
import dev.limber.kernel.database.ReferenceData;
import dev.limber.kernel.notify.DatabaseNotifications;
import dev.limber.kernel.tenant.TenantBindingTransactionManager;

/**
 * Wires the database: start or find PostgreSQL, migrate every module's schema as the
 * owner (unless another process does), then open the R2DBC pool as the runtime role that
 * row-level security applies to, and a second one to a read replica when one is set.
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
			ObjectProvider<ReferenceData> referenceData, DatabaseProperties properties) {
		if (properties.migrations() == DatabaseProperties.Migrations.SKIP) {
			return SchemaMigrations.leftToAnotherProcess();
		}
		return SchemaMigrations.migrate(database.server(), schemas, referenceData.orderedStream().toList());
	}

	@Bean(destroyMethod = "dispose")
	@Primary
	ConnectionPool connectionFactory(ManagedDatabase database, SchemaMigrations migrated,
			DatabaseProperties properties) {
		return pool("limber", database.server(), properties.pool());
	}

	@Bean
	@Primary
	ReactiveTransactionManager transactionManager(ConnectionPool connectionFactory) {
		return new TenantBindingTransactionManager(connectionFactory);
	}

	@Bean
	@Primary
	TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
		return TransactionalOperator.create(transactionManager);
	}

	/** Without a replica, reports read from the primary, still in read-only transactions. */
	@Bean
	@ConditionalOnExpression("'${limber.db.reporting-read-url:}'.isBlank()")
	ReadReplica readReplica(ConnectionPool connectionFactory) {
		return readOnly(connectionFactory);
	}

	static ReadReplica readOnly(ConnectionPool connections) {
		TenantBindingTransactionManager transactions = new TenantBindingTransactionManager(connections);
		transactions.setEnforceReadOnly(true);
		DefaultTransactionDefinition readOnly = new DefaultTransactionDefinition();
		readOnly.setReadOnly(true);
		return new ReadReplica(DatabaseClient.create(connections), TransactionalOperator.create(transactions, readOnly));
	}

	static ConnectionPool pool(String name, DatabaseServer server, DatabaseProperties.Pool sizing) {
		return new ConnectionPool(ConnectionPoolConfiguration.builder(runtimeConnections(server, name))
			.name(name)
			.initialSize(sizing.initialSize())
			.maxSize(sizing.maxSize())
			.maxIdleTime(Duration.ofMinutes(10))
			.maxAcquireTime(Duration.ofSeconds(5))
			.build());
	}

	/** A connection of its own, outside the pool, listens for notifications from every instance. */
	@Bean
	DatabaseNotifications databaseNotifications(ManagedDatabase database, SchemaMigrations migrated,
			DatabaseClient client) {
		return new DatabaseNotifications(runtimeConnections(database.server(), "limber"), client);
	}

	private static PostgresqlConnectionFactory runtimeConnections(DatabaseServer server, String applicationName) {
		return new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
			.host(server.host())
			.port(server.port())
			.database(server.database())
			.username(server.app().username())
			.password(server.app().password())
			.applicationName(applicationName)
			.build());
	}

}
