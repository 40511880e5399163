package dev.limber.app.database;

import io.r2dbc.pool.ConnectionPool;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.limber.kernel.database.ReadReplica;

/**
 * A second pool, to a PostgreSQL read replica, for report queries: reports are the
 * heaviest reads and tolerate data a moment old. Same runtime role, same tenant binding.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${limber.db.reporting-read-url:}'.isBlank()")
class ReportingReplicaConfiguration {

	@Bean(destroyMethod = "dispose")
	ConnectionPool reportingReadConnectionFactory(DatabaseProperties properties) {
		return DatabaseConfiguration.pool("limber-reporting-read", ExternalDatabase.reportingReplica(properties),
				properties.pool());
	}

	@Bean
	ReadReplica readReplica(@Qualifier("reportingReadConnectionFactory") ConnectionPool reportingReadConnectionFactory) {
		return DatabaseConfiguration.readOnly(reportingReadConnectionFactory);
	}

}
