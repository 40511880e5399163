package dev.limber.app.database;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code limber.db.migrations=only} the process is a migration job: no web server,
 * and beans are created only when asked for, so nothing but the migrations touches the
 * database.
 */
class MigrationJobEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if ("only".equalsIgnoreCase(environment.getProperty("limber.db.migrations"))) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("limberMigrationJob",
						Map.of("spring.main.web-application-type", "none", "spring.main.lazy-initialization", "true")));
		}
	}

}
