package dev.limber.kernel.ratelimit;

import java.security.Principal;

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
import dev.limber.kernel.tenant.TenantContext;

/**
 * Limits writes (POST, PUT, PATCH, DELETE) and HR reports per member (or SCIM token) and
 * per organization, answering 429 with {@code Retry-After}. Runs after security and the
 * tenant filter (order 0), so it knows who is asking and for which organization. Requests
 * without an organization (platform operators) are not limited.
 */
@Component
@Order(10)
class RateLimitFilter implements WebFilter {

	private final RateLimits limits;

	RateLimitFilter(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		boolean report = isReport(request);
		if (!this.limits.enabled || !(report || isWrite(request))) {
			return chain.filter(exchange);
		}
		return Mono.deferContextual((context) -> TenantContext.current(context)
			.map((tenant) -> exchange.getPrincipal().map(Principal::getName).defaultIfEmpty("").flatMap((name) -> {
				String organization = tenant.value().toString();
				BucketKey perOrganization = new BucketKey(
						report ? this.limits.reportsPerOrganization : this.limits.writesPerOrganization, organization);
				ApiException refused = RateLimits
					.take(new BucketKey(report ? this.limits.reportsPerMember : this.limits.writesPerMember,
							organization + "/" + name), perOrganization);
				return (refused != null) ? Mono.<Void>error(refused) : chain.filter(exchange);
			}))
			.orElseGet(() -> chain.filter(exchange)));
	}

	private static boolean isReport(ServerHttpRequest request) {
		String path = request.getPath().pathWithinApplication().value();
		return request.getMethod() == HttpMethod.GET
				&& (path.startsWith("/api/v1/reports/") || path.equals("/hr") || path.startsWith("/hr/"));
	}

	private static boolean isWrite(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
				|| method == HttpMethod.DELETE;
	}

}
