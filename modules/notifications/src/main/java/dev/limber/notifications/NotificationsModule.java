package dev.limber.notifications;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.limber.kernel.database.ModuleSchema;

/** Registers the notifications module and its database schema with the application. */
@Configuration(proxyBeanMethods = false)
public class NotificationsModule {

	@Bean
	ModuleSchema notificationsSchema() {
		return new ModuleSchema("notifications", 40);
	}

}
