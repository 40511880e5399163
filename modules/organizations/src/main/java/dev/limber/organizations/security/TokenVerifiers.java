package dev.limber.organizations.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds JWT decoders for an issuer: keys found through OIDC discovery on the issuer's
 * own host, every HTTP call through the guarded client, and issuer, lifetime and audience
 * validated. A token whose keys cannot be fetched is refused (401), not a server error.
 */
@Component
class TokenVerifiers {

	private static final Log logger = LogFactory.getLog(TokenVerifiers.class);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final WebClient guardedClient;

	TokenVerifiers(GuardedWebClient guardedClient) {
		this.guardedClient = guardedClient.client();
	}

	ReactiveJwtDecoder decoder(String issuer, String audience) {
		Mono<ReactiveJwtDecoder> discovered = discover(issuer).map((jwksUri) -> {
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwksUri)
				.webClient(this.guardedClient)
				.build();
			decoder.setJwtValidator(validator(issuer, audience));
			return (ReactiveJwtDecoder) decoder;
		})
			.cache((decoder) -> java.time.Duration.ofDays(3650), (ex) -> java.time.Duration.ZERO,
					() -> java.time.Duration.ZERO);
		return (token) -> discovered.flatMap((decoder) -> decoder.decode(token))
			.onErrorMap((ex) -> !(ex instanceof BadJwtException), (ex) -> {
				logger.warn("Tokens of " + issuer + " cannot be verified: " + ex.getMessage());
				return new BadJwtException("The token's issuer keys could not be fetched", ex);
			});
	}

	/**
	 * The issuer's key set address, from its discovery document, on the issuer's host.
	 */
	private Mono<String> discover(String issuer) {
		String discovery = issuer.replaceFirst("/$", "") + "/.well-known/openid-configuration";
		return this.guardedClient.get().uri(discovery).retrieve().bodyToMono(JSON_OBJECT).map((metadata) -> {
			Object named = metadata.get("issuer");
			Object jwks = metadata.get("jwks_uri");
			if (!(named instanceof String name) || !name.replaceFirst("/$", "").equals(issuer.replaceFirst("/$", ""))) {
				throw new IssuerPolicy.RejectedIssuerException("The discovery document names another issuer.");
			}
			if (!(jwks instanceof String jwksUri) || !host(jwksUri).equals(host(issuer))) {
				throw new IssuerPolicy.RejectedIssuerException("The key set is not on the issuer's host.");
			}
			return jwksUri;
		});
	}

	private static String host(String url) {
		try {
			String host = URI.create(url).getHost();
			return (host != null) ? host.toLowerCase(Locale.ROOT) : "";
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
		OAuth2TokenValidator<Jwt> audienceValidator = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				(values) -> values != null && values.contains(audience));
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceValidator);
	}

}
