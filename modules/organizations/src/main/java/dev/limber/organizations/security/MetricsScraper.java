package dev.limber.organizations.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;

/**
 * The Prometheus scrape shows platform-wide figures, so it needs its own credential: a
 * bearer token from configuration, compared in constant time. Without one configured,
 * nobody scrapes.
 */
@Component
class MetricsScraper {

	static final String AUTHORITY = "METRICS_SCRAPER";

	private final byte[] token;

	MetricsScraper(@Value("${limber.metrics.scrape-token:}") String token) {
		this.token = token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
	}

	AuthenticationWebFilter filter() {
		AuthenticationWebFilter filter = new AuthenticationWebFilter(manager());
		filter.setServerAuthenticationConverter(new ServerBearerTokenAuthenticationConverter());
		filter.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers("/actuator/prometheus"));
		filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(entryPoint()));
		filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		return filter;
	}

	ServerAuthenticationEntryPoint entryPoint() {
		return (exchange, ex) -> Mono.fromRunnable(() -> {
			exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
			exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
		});
	}

	private ReactiveAuthenticationManager manager() {
		return (authentication) -> {
			byte[] presented = ((BearerTokenAuthenticationToken) authentication).getToken()
				.getBytes(StandardCharsets.UTF_8);
			if (this.token == null || !MessageDigest.isEqual(this.token, presented)) {
				return Mono.error(new BadCredentialsException("Not the scrape token"));
			}
			return Mono.just((Authentication) UsernamePasswordAuthenticationToken.authenticated("prometheus", null,
					AuthorityUtils.createAuthorityList(AUTHORITY)));
		};
	}

}
