package dev.limber.app.database;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code limber.db.migrations=only}: migrate every module's schema as the owner role,
 * then exit with status 0 (or fail start-up with a non-zero status), as a Kubernetes Job
 * or an init step before the instances roll.
 */
@Component
@ConditionalOnProperty(name = "limber.db.migrations", havingValue = "only")
class MigrationJob implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(MigrationJob.class);

	private final ConfigurableApplicationContext context;

	MigrationJob(SchemaMigrations migrated, ConfigurableApplicationContext context) {
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		logger.info("Migrations done (limber.db.migrations=only); exiting");
		System.exit(SpringApplication.exit(this.context));
	}

}
