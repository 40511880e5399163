package dev.limber.organizations.scim;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/** {@code /scim/v2} accepts only the organization's own SCIM bearer token. */
@Configuration(proxyBeanMethods = false)
class ScimSecurityConfiguration {

	@Bean
	@Order(2)
	SecurityWebFilterChain scimSecurity(ServerHttpSecurity http, ScimTokens tokens) {
		ServerAuthenticationEntryPoint unauthorized = ScimSecurityConfiguration::unauthorized;
		AuthenticationWebFilter bearer = new AuthenticationWebFilter(authenticationManager(tokens));
		bearer.setServerAuthenticationConverter(new ServerBearerTokenAuthenticationConverter());
		bearer.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthorized));
		bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/scim/v2/**"))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().hasAuthority(ScimAuthentication.AUTHORITY))
			.build();
	}

	private static ReactiveAuthenticationManager authenticationManager(ScimTokens tokens) {
		return (authentication) -> tokens
			.organizationOf(((BearerTokenAuthenticationToken) authentication)
				.getToken()).<org.springframework.security.core.Authentication>map(ScimAuthentication::new)
			.switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown SCIM token")));
	}

	private static Mono<Void> unauthorized(org.springframework.web.server.ServerWebExchange exchange,
			org.springframework.security.core.AuthenticationException ex) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		response.getHeaders().set("WWW-Authenticate", "Bearer");
		response.getHeaders().set("Content-Type", ScimJson.MEDIA_TYPE);
		byte[] body = ScimJson.error(401, null, "A valid SCIM bearer token is required.")
			.getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
