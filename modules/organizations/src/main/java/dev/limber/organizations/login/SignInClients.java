package dev.limber.organizations.login;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.converter.ClaimTypeConverter;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;

import dev.limber.organizations.security.GuardedWebClient;

/**
 * The portal sign-in's server-side calls to an identity provider (token endpoint,
 * ID-token keys; user-info in {@link MemberOidcUserService}) through the guarded client
 * instead of Spring Security's default clients. Spring Security picks these beans up for
 * oauth2Login.
 */
@Configuration(proxyBeanMethods = false)
class SignInClients {

	@Bean
	ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenClient(
			GuardedWebClient http) {
		WebClientReactiveAuthorizationCodeTokenResponseClient client = new WebClientReactiveAuthorizationCodeTokenResponseClient();
		client.setWebClient(http.client());
		return client;
	}

	/**
	 * As Spring Security's own factory does, but fetching keys through the guarded
	 * client.
	 */
	@Bean
	ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoders(GuardedWebClient http) {
		ClaimTypeConverter claimTypes = new ClaimTypeConverter(
				ReactiveOidcIdTokenDecoderFactory.createDefaultClaimTypeConverters());
		return (registration) -> {
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
				.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
				.webClient(http.client())
				.build();
			decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
					new OidcIdTokenValidator(registration)));
			decoder.setClaimSetConverter(claimTypes);
			return decoder;
		};
	}

}
