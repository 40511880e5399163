package dev.limber.kernel.ratelimit;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.ratelimit.RateLimits.BucketKey;

/**
 * Limits sign-in starts ({@code POST /login}, {@code /oauth2/authorization/*}) per client
 * address and per organization's identity provider. Before security, which answers those
 * requests itself.
 */
@Component
@Order(-150)
class SignInRateLimit implements WebFilter {

	private static final String SIGN_IN_START = "/oauth2/authorization/";

	private final RateLimits limits;

	SignInRateLimit(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		boolean start = path.startsWith(SIGN_IN_START);
		if (!this.limits.enabled || !(start || (request.getMethod() == HttpMethod.POST && path.equals("/login")))) {
			return chain.filter(exchange);
		}
		BucketKey address = new BucketKey(this.limits.signInPerAddress, address(request));
		ApiException refused = start
				? RateLimits.take(address,
						new BucketKey(this.limits.signInPerOrganization, path.substring(SIGN_IN_START.length())))
				: RateLimits.take(address);
		return (refused != null) ? Mono.error(refused) : chain.filter(exchange);
	}

	private static String address(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

}
