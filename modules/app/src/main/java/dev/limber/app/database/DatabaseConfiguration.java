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
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.database.ModuleSchema;
import dev.limber.kernel.database.ReferenceData;
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

	@Bean
	SchemaMigrations schemaMigrations(ManagedDatabase database, List<ModuleSchema> schemas,
			ObjectProvider<ReferenceData> referenceData) {
		return SchemaMigrations.migrate(database.server(), schemas, referenceData.orderedStream().toList());
	}

	@Bean(destroyMethod = "dispose")
	ConnectionPool connectionFactory(ManagedDatabase database, SchemaMigrations migrated,
			DatabaseProperties properties) {
		DatabaseServer server = database.server();
		PostgresqlConnectionFactory connections = new PostgresqlConnectionFactory(
				PostgresqlConnectionConfiguration.builder()
					.host(server.host())
					.port(server.port())
					.database(server.database())
					.username(server.app().username())
					.password(server.app().password())
					.applicationName("limber")
					.build());
		return new ConnectionPool(ConnectionPoolConfiguration.builder(connections)
			.name("limber")
			.initialSize(properties.pool().initialSize())
			.maxSize(properties.pool().maxSize())
			.maxIdleTime(Duration.ofMinutes(10))
			.maxAcquireTime(Duration.ofSeconds(5))
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
