package dev.limber.app.database;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.pool.ConnectionPool;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.limber.kernel.database.DatabaseOutages;
import dev.limber.kernel.database.ReadReplica;
import dev.limber.kernel.tenant.TenantBindingConnectionFactory;

/**
 * A pool to a PostgreSQL read replica for report queries: reports are the heaviest reads
 * and tolerate data a moment old. Same runtime role, same tenant binding, same timeouts,
 * and a circuit breaker of its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${limber.db.reporting-read-url:}'.isBlank()")
class ReportingReplicaConfiguration {

	@Bean(destroyMethod = "dispose")
	ConnectionPool reportingReadConnectionFactory(DatabaseProperties properties) {
		return RuntimeConnections.reportPool("limber-reporting-read", properties.pool().maxSize(),
				ExternalDatabase.reportingReplica(properties), properties);
	}

	@Bean
	ReadReplica readReplica(@Qualifier("reportingReadConnectionFactory") ConnectionPool reportingReadConnectionFactory,
			ReportThreads reportThreads, DatabaseProperties properties, DatabaseOutages outages, MeterRegistry meters) {
		DatabaseCircuitBreaker breaker = new DatabaseCircuitBreaker("postgresql-replica", "The PostgreSQL read replica",
				properties.circuitBreaker(), outages, meters);
		return ReadReplica.on(new TenantBindingConnectionFactory(new GuardedConnectionFactory(
				new ReportConnections(reportingReadConnectionFactory, reportThreads), breaker)));
	}

}
