package dev.limber.organizations.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowLocalIssuers accept http and loopback issuers (development and tests only)
 * @param issuerCacheTtl how long a built token verifier for an issuer is reused
 * @param issuerCacheSize how many issuers' token verifiers (and organizations' sign-in
 * registrations) are kept at most; the least used are rebuilt when needed again
 * @param platform the identity provider of Limber's own operators
 * @param outboundTrustBundle a PEM file of certificate authorities that outbound calls
 * (identity providers, push services, chat webhooks) trust besides the JDK's; empty: none
 */
@ConfigurationProperties("limber.security")
public record SecurityProperties(@DefaultValue("false") boolean allowLocalIssuers,
		@DefaultValue("10m") Duration issuerCacheTtl, @DefaultValue("2000") int issuerCacheSize,
		@DefaultValue Platform platform, @DefaultValue("") String outboundTrustBundle) {

	/**
	 * @param issuerUri issuer of operator tokens; blank disables operator access
	 * @param audience audience operator tokens must carry
	 * @param rolesClaim claim holding the operator role
	 * @param operatorRole value of that claim that makes a platform operator
	 */
	public record Platform(String issuerUri, @DefaultValue("limber-platform") String audience,
			@DefaultValue("roles") String rolesClaim, @DefaultValue("platform-operator") String operatorRole) {

		public boolean isConfigured() {
			return this.issuerUri != null && !this.issuerUri.isBlank();
		}

	}

}
