package dev.limber.organizations.login;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.web.server.ResponseStatusException;

import dev.limber.kernel.security.PathRule;
import dev.limber.kernel.security.PathRules;
import dev.limber.kernel.web.PublicBaseUrl;
import dev.limber.organizations.members.MemberStatus;
import dev.limber.organizations.security.ModulePaths;

/**
 * The portal: pages behind an OIDC sign-in with the member's own organization (code flow
 * with PKCE), a session cookie, CSRF protection on every form, and sign-out that also
 * ends the session at the identity provider where it supports RP-initiated logout.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
			+ "base-uri 'self'; object-src 'none'";

	@Bean
	@Order(100)
	SecurityWebFilterChain portalSecurity(ServerHttpSecurity http, OrganizationClientRegistrations registrations,
			MemberOidcUserService users, MemberStatus status, PublicBaseUrl publicBaseUrl, MessageSource messages,
			MeterRegistry meters, ObjectProvider<PathRules> modules) {
		SignInOutcomes outcomes = new SignInOutcomes(meters);
		OidcClientInitiatedServerLogoutSuccessHandler logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(
				registrations);
		logoutSuccess.setPostLogoutRedirectUri(publicBaseUrl.resolve("/"));
		logoutSuccess.setRedirectStrategy(new LeavingRedirectStrategy(messages));
		return http.securityContextRepository(new CheckedSessionContextRepository(status))
			// each module's own paths, then every other page wants a sign-in
			.authorizeExchange((exchanges) -> ModulePaths.apply(exchanges, modules, PathRule.Surface.PORTAL)
				.anyExchange()
				.authenticated())
			.oauth2Login((login) -> login.loginPage("/login")
				.clientRegistrationRepository(registrations)
				.authenticationSuccessHandler(outcomes)
				.authenticationFailureHandler(outcomes))
			.oauth2Client((client) -> client.clientRegistrationRepository(registrations))
			// pages say why: "session expired" on the sign-in page, and a 403 page
			// instead of a bare status
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new SessionAwareEntryPoint())
				.accessDeniedHandler(
						(exchange, denied) -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN))))
			.logout((logout) -> logout.logoutHandler((handlers) -> handlers.add(SignedOutDevice.clearing()))
				.logoutSuccessHandler(logoutSuccess))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer
					.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.build();
	}

}
