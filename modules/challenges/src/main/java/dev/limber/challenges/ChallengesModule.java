package dev.limber.challenges;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.limber.kernel.database.ModuleSchema;

/** Registers the challenges module and its database schema with the application. */
@Configuration(proxyBeanMethods = false)
public class ChallengesModule {

	@Bean
	ModuleSchema challengesSchema() {
		return new ModuleSchema("challenges", 25);
	}

}
