package dev.limber.programs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.limber.kernel.database.ModuleSchema;

/** Registers the programs module and its database schema with the application. */
@Configuration(proxyBeanMethods = false)
public class ProgramsModule {

	@Bean
	ModuleSchema programsSchema() {
		return new ModuleSchema("programs", 20);
	}

}
