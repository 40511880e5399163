package dev.limber.app.database;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.database.DatabaseOutages;
import dev.limber.kernel.database.ModuleSchema;
import dev.limber.kernel.database.ReadReplica;
import dev.limber.kernel.database.ReferenceData;
import dev.limber.kernel.notify.DatabaseNotifications;
import dev.limber.kernel.tenant.TenantBindingConnectionFactory;
import dev.limber.kernel.tenant.TenantBindingTransactionManager;

/**
 * Wires the database: start or find PostgreSQL, migrate every module's schema as the
 * owner (unless another process does), then open the runtime role's pools (one each for
 * requests, reports and background work) behind one circuit breaker, and a pool to a read
 * replica when one is set. Reports compute on threads of their own
 * ({@link ReportThreads}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	ManagedDatabase managedDatabase(DatabaseProperties properties) throws IOException, SQLException {
		return ManagedDatabase.start(properties);
	}

	/**
	 * Where the database is, for tools that start a second instance on it (tests,
	 * benchmarks).
	 */
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
		return SchemaMigrations.migrate(database.server(), schemas, referenceData.orderedStream().toList(),
				properties.timeouts());
	}

	@Bean(destroyMethod = "dispose")
	ConnectionPool requestConnections(ManagedDatabase database, SchemaMigrations migrated,
			DatabaseProperties properties) {
		return RuntimeConnections.pool("limber", properties.pool().maxSize(), database.server(), properties);
	}

	@Bean(destroyMethod = "dispose")
	ConnectionPool reportConnections(ManagedDatabase database, SchemaMigrations migrated,
			DatabaseProperties properties) {
		return RuntimeConnections.reportPool("limber-reports", properties.pool().reportsMaxSize(), database.server(),
				properties);
	}

	@Bean(destroyMethod = "dispose")
	ConnectionPool backgroundConnections(ManagedDatabase database, SchemaMigrations migrated,
			DatabaseProperties properties) {
		return RuntimeConnections.pool("limber-background", properties.pool().backgroundMaxSize(), database.server(),
				properties);
	}

	@Bean(destroyMethod = "dispose")
	ReportThreads reportThreads(DatabaseProperties properties) {
		return new ReportThreads(properties.pool().reportsMaxSize());
	}

	@Bean
	DatabaseCircuitBreaker databaseCircuitBreaker(DatabaseProperties properties, DatabaseOutages outages,
			MeterRegistry meters) {
		return new DatabaseCircuitBreaker("postgresql", "PostgreSQL", properties.circuitBreaker(), outages, meters);
	}

	/**
	 * What the modules use: the pool of the workload in the context, behind the circuit
	 * breaker.
	 */
	@Bean
	@Primary
	ConnectionFactory connectionFactory(@Qualifier("requestConnections") ConnectionPool requests,
			@Qualifier("reportConnections") ConnectionPool reports,
			@Qualifier("backgroundConnections") ConnectionPool background, ReportThreads reportThreads,
			DatabaseCircuitBreaker breaker) {
		return new TenantBindingConnectionFactory(new GuardedConnectionFactory(
				new WorkloadConnections(requests, new ReportConnections(reports, reportThreads), background), breaker));
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

	/**
	 * Without a replica, reports read from the primary through the reports' pool (a
	 * report runs in its workload's context). Inside a report's transaction the read
	 * joins it, on the same connection: one connection per report, so a spent budget
	 * cannot deadlock.
	 */
	@Bean
	@ConditionalOnExpression("'${limber.db.reporting-read-url:}'.isBlank()")
	ReadReplica readReplica(ConnectionFactory connectionFactory) {
		return ReadReplica.on(connectionFactory);
	}

	/**
	 * Readiness checks PostgreSQL on a connection of its own, never one from the pools.
	 */
	@Bean
	DatabaseHealthIndicator databaseHealthIndicator(ManagedDatabase database, DatabaseProperties properties) {
		return new DatabaseHealthIndicator(
				RuntimeConnections.factory(database.server(), "limber-health", properties.timeouts()),
				properties.timeouts().health(), Duration.ofSeconds(2));
	}

	/**
	 * A connection of its own, outside the pools, listens for notifications from every
	 * instance.
	 */
	@Bean
	DatabaseNotifications databaseNotifications(ManagedDatabase database, SchemaMigrations migrated,
			DatabaseClient client, DatabaseProperties properties) {
		return new DatabaseNotifications(
				RuntimeConnections.factory(database.server(), "limber-notifications", properties.timeouts()), client);
	}

}
