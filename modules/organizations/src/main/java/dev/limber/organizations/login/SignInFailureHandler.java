package dev.limber.organizations.login;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;

/** Sends a failed sign-in back to the sign-in page and tells the operator why. */
class SignInFailureHandler implements ServerAuthenticationFailureHandler {

	private static final Log logger = LogFactory.getLog(SignInFailureHandler.class);

	private final ServerAuthenticationFailureHandler redirect = new RedirectServerAuthenticationFailureHandler(
			"/login?error");

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
		logger.info("Portal sign-in failed: " + exception.getMessage());
		return this.redirect.onAuthenticationFailure(exchange, exception);
	}

}
