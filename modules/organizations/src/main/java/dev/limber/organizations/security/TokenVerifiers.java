package dev.limber.organizations.security;

import java.util.List;


import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds JWT decoders for an issuer: keys found through OIDC discovery, every HTTP call
 * checked by the {@link IssuerPolicy}, and issuer, lifetime and audience validated.
 */
@Component
class TokenVerifiers {

	private final WebClient guardedClient;

	TokenVerifiers(GuardedWebClient guardedClient) {
		this.guardedClient = guardedClient.client();
	}

	ReactiveJwtDecoder decoder(String issuer, String audience) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuer)
			.webClient(this.guardedClient)
			.build();
		decoder.setJwtValidator(validator(issuer, audience));
		return decoder;
	}

	private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
		OAuth2TokenValidator<Jwt> audienceValidator = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				(values) -> values != null && values.contains(audience));
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceValidator);
	}


}
