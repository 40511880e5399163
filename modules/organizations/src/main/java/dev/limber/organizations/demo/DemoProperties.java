package dev.limber.organizations.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled register the demo organizations at start-up (development only)
 * @param identityProviderUrl base URL of the development identity provider
 */
@ConfigurationProperties("limber.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("http://localhost:9000") String identityProviderUrl) {
}
