package dev.limber.devidp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A real OpenID Connect provider for development: one issuer per demo organization plus
 * one for platform operators, all on one port. Never part of a production deployment.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DevIdentityProviderApplication {

	public static void main(String[] args) {
		SpringApplication.run(DevIdentityProviderApplication.class, args);
	}

}
