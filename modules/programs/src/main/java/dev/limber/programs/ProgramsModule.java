package dev.limber.programs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.limber.kernel.database.ModuleSchema;
import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.catalog.CatalogLoader;

/** Registers the programs module and its database schema with the application. */
@Configuration(proxyBeanMethods = false)
public class ProgramsModule {

	/**
	 * The global catalog, versioned with the code; loading fails fast on any broken
	 * reference.
	 */
	@Bean
	Catalog catalog() {
		return new CatalogLoader().load();
	}

	@Bean
	ModuleSchema programsSchema() {
		return new ModuleSchema("programs", 20);
	}

}
