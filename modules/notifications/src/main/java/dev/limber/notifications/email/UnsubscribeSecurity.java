package dev.limber.notifications.email;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Unsubscribe links are opened from a mail client, without a session: no sign-in and no
 * CSRF token (a one-click POST comes from the mail client, RFC 8058). The signed token in
 * the path is the credential and can only turn one topic off for one member.
 */
@Configuration(proxyBeanMethods = false)
class UnsubscribeSecurity {

	static final String PATH = "/notifications/unsubscribe";

	@Bean
	@Order(50)
	SecurityWebFilterChain unsubscribeLinks(ServerHttpSecurity http) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(PATH + "/*"))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(HttpMethod.GET, PATH + "/*")
				.permitAll()
				.pathMatchers(HttpMethod.POST, PATH + "/*")
				.permitAll()
				.anyExchange()
				.denyAll())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
					"default-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'")))
			.build();
	}

}
