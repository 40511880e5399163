package dev.limber.organizations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.limber.kernel.database.ModuleSchema;

/** Registers the organizations module and its database schema with the application. */
@Configuration(proxyBeanMethods = false)
public class OrganizationsModule {

	@Bean
	ModuleSchema organizationsSchema() {
		return new ModuleSchema("organizations", 10);
	}

}
