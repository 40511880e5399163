package dev.limber.devidp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param portalUrl where Limber's portal runs, for redirect URIs
 * @param demoPassword the password of every demo user
 */
@ConfigurationProperties("devidp")
record DevIdpProperties(@DefaultValue("http://localhost:8080") String portalUrl,
		@DefaultValue("limber-demo") String demoPassword) {
}
