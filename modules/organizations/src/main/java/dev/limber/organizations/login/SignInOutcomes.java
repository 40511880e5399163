package dev.limber.organizations.login;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;

/**
 * Where a portal sign-in goes next: back to the page asked for, or to the sign-in page
 * with the reason logged for the operator. Both outcomes are counted
 * ({@code limber.signins}).
 */
class SignInOutcomes implements ServerAuthenticationSuccessHandler, ServerAuthenticationFailureHandler {

	private static final Log logger = LogFactory.getLog(SignInOutcomes.class);

	private final ServerAuthenticationSuccessHandler redirectBack = new RedirectServerAuthenticationSuccessHandler();

	private final ServerAuthenticationFailureHandler redirectToSignIn = new RedirectServerAuthenticationFailureHandler(
			"/login?error");

	private final Counter succeeded;

	private final Counter failed;

	SignInOutcomes(MeterRegistry meters) {
		this.succeeded = counter(meters, "succeeded");
		this.failed = counter(meters, "failed");
	}

	private static Counter counter(MeterRegistry meters, String outcome) {
		return Counter.builder("limber.signins")
			.description("Portal sign-ins through an organization's identity provider")
			.tag("outcome", outcome)
			.register(meters);
	}

	@Override
	public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
		this.succeeded.increment();
		return this.redirectBack.onAuthenticationSuccess(exchange, authentication);
	}

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
		this.failed.increment();
		logger.info("Portal sign-in failed: " + exception.getMessage());
		return this.redirectToSignIn.onAuthenticationFailure(exchange, exception);
	}

}
