package dev.limber.organizations.login;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends a signed-out visitor to the sign-in page, and tells them why when their session
 * has expired: the browser still sends a session cookie, but no session has that id.
 */
class SessionAwareEntryPoint implements ServerAuthenticationEntryPoint {

	static final String SESSION_COOKIE = "SESSION";

	private final ServerAuthenticationEntryPoint signIn = new RedirectServerAuthenticationEntryPoint("/login");

	private final ServerAuthenticationEntryPoint expired = new RedirectServerAuthenticationEntryPoint("/login?expired");

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(SESSION_COOKIE);
		boolean hadSession = cookie != null && !cookie.getValue().isEmpty();
		return exchange.getSession()
			.flatMap((session) -> (hadSession && !session.isStarted()) ? this.expired.commence(exchange, ex)
					: this.signIn.commence(exchange, ex));
	}

}
