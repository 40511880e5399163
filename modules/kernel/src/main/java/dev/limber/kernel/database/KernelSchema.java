package dev.limber.kernel.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kernel's schema holds what every module's migrations share, so it migrates first.
 */
@Configuration(proxyBeanMethods = false)
public class KernelSchema {

	@Bean
	ModuleSchema kernelModuleSchema() {
		return new ModuleSchema("kernel", 0);
	}

}
