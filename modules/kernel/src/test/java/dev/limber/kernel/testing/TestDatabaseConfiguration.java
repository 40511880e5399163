package dev.limber.kernel.testing;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.database.ModuleSchema;
import dev.limber.kernel.database.ReadReplica;
import dev.limber.kernel.database.ReferenceData;
import dev.limber.kernel.notify.DatabaseNotifications;
import dev.limber.kernel.tenant.TenantBindingConnectionFactory;
import dev.limber.kernel.tenant.TenantBindingTransactionManager;

/**
 * The database as a module sees it in production, for a module's own tests: the schemas
 * of the modules in the context migrated on {@link TestPostgres}, and the runtime role's
 * pool behind the tenant-binding connection factory and transaction manager, so row-level
 * security applies exactly as in the application. The application's own wiring (workload
 * pools, circuit breaker, deadlines) is the app module's to test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	TestMigrations testMigrations(List<ModuleSchema> schemas, ObjectProvider<ReferenceData> referenceData) {
		return TestMigrations.migrate(schemas, referenceData.orderedStream().toList());
	}

	@Bean(destroyMethod = "dispose")
	ConnectionPool testConnections(TestMigrations migrated) {
		return new ConnectionPool(ConnectionPoolConfiguration.builder(runtimeRole("limber-test"))
			.name("limber-test")
			.initialSize(1)
			.maxSize(10)
			.maxAcquireTime(Duration.ofSeconds(10))
			.build());
	}

	@Bean
	@Primary
	ConnectionFactory connectionFactory(ConnectionPool testConnections) {
		return new TenantBindingConnectionFactory(testConnections);
	}

	@Bean
	@Primary
	ReactiveTransactionManager transactionManager(ConnectionFactory connectionFactory) {
		return new TenantBindingTransactionManager(connectionFactory);
	}

	@Bean
	@Primary
	TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
		return TransactionalOperator.create(transactionManager);
	}

	/** Reports read from the primary in read-only transactions, as without a replica. */
	@Bean
	ReadReplica readReplica(ConnectionFactory connectionFactory) {
		return ReadReplica.on(connectionFactory);
	}

	@Bean
	DatabaseNotifications databaseNotifications(TestMigrations migrated, DatabaseClient client) {
		return new DatabaseNotifications(runtimeRole("limber-test-notifications"), client);
	}

	/** The application's metrics registry comes with the actuator, which modules lack. */
	@Bean
	@ConditionalOnMissingBean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	private static PostgresqlConnectionFactory runtimeRole(String applicationName) {
		return new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
			.host("localhost")
			.port(TestPostgres.port())
			.database(TestPostgres.DATABASE)
			.username(TestPostgres.APP)
			.password(TestPostgres.appPassword())
			.applicationName(applicationName)
			.build());
	}

}
