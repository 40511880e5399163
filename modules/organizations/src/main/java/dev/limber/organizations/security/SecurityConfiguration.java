package dev.limber.organizations.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import dev.limber.kernel.problem.ProblemMessages;
import dev.limber.kernel.security.PathRule;
import dev.limber.kernel.security.PathRules;
import dev.limber.organizations.Role;

/**
 * Deny by default. The JSON API is stateless and accepts only bearer tokens of registered
 * issuers; each module declares the roles its paths want ({@link PathRules}), finer rules
 * sit on the endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, TenantIssuers issuers, ProblemMessages messages,
			ObjectProvider<PathRules> modules) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.authenticationManagerResolver(new JwtIssuerReactiveAuthenticationManagerResolver(issuers))
				.authenticationEntryPoint(ProblemResponses.unauthorized(messages))
				.accessDeniedHandler(ProblemResponses.forbidden(messages)))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(ProblemResponses.unauthorized(messages))
						.accessDeniedHandler(ProblemResponses.forbidden(messages)))
			// each module's own paths, then every other API path wants an employee
			.authorizeExchange((exchanges) -> ModulePaths.apply(exchanges, modules, PathRule.Surface.API)
				.anyExchange()
				.hasRole(Role.EMPLOYEE.name()))
			.build();
	}

	/**
	 * No observation around every security filter, authentication and authorization: on
	 * the write path they cost more CPU than they tell an operator. Each request keeps
	 * its own {@code http.server.requests} timer, with the status that says it was
	 * refused.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(10)
	SecurityWebFilterChain operationsSecurity(ServerHttpSecurity http, MetricsScraper scraper) {
		return http
			.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/actuator/**", "/v3/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**", "/webjars/**"))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.addFilterAt(scraper.filter(), SecurityWebFiltersOrder.AUTHENTICATION)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(scraper.entryPoint()))
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/health", "/actuator/info",
						"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/actuator/prometheus")
				.hasAuthority(MetricsScraper.AUTHORITY)
				.anyExchange()
				.denyAll())
			.build();
	}

}
