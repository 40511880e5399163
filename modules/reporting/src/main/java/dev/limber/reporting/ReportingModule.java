package dev.limber.reporting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.limber.kernel.database.ModuleSchema;

/** Registers the reporting module and its database schema with the application. */
@Configuration(proxyBeanMethods = false)
public class ReportingModule {

	@Bean
	ModuleSchema reportingSchema() {
		return new ModuleSchema("reporting", 30);
	}

}
