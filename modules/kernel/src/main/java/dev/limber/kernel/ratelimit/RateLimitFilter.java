package dev.limber.kernel.ratelimit;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.problem.ProblemType;
import dev.limber.kernel.tenant.TenantContext;

/**
 * Limits writes, reports and sign-in starts per caller and per organization, answering 429
 * with {@code Retry-After}. Runs after security and the tenant filter (order 0), so it knows
 * who is asking and for which organization; sign-in starts are counted per client address
 * and per organization's identity provider.
 */
@Component
@Order(10)
public class RateLimitFilter implements WebFilter {

	private static final String SIGN_IN_START = "/oauth2/authorization/";

	private final RateLimitProperties properties;

	private final Buckets writesPerMember;

	private final Buckets writesPerOrganization;

	private final Buckets reportsPerMember;

	private final Buckets reportsPerOrganization;

	private final Buckets signInPerAddress;

	private final Buckets signInPerOrganization;

	public RateLimitFilter(RateLimitProperties properties) {
		this.properties = properties;
		Duration period = properties.period();
		int keys = properties.maxKeys();
		this.writesPerMember = new Buckets(properties.writesPerMember(), period, keys);
		this.writesPerOrganization = new Buckets(properties.writesPerOrganization(), period, keys);
		this.reportsPerMember = new Buckets(properties.reportsPerMember(), period, keys);
		this.reportsPerOrganization = new Buckets(properties.reportsPerOrganization(), period, keys);
		this.signInPerAddress = new Buckets(properties.signInPerAddress(), period, keys);
		this.signInPerOrganization = new Buckets(properties.signInPerOrganization(), period, keys);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.properties.enabled()) {
			return chain.filter(exchange);
		}
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if (isSignInStart(request, path)) {
			List<ConsumptionProbe> probes = new ArrayList<>();
			probes.add(this.signInPerAddress.take(address(request)));
			if (path.startsWith(SIGN_IN_START)) {
				probes.add(this.signInPerOrganization.take(path.substring(SIGN_IN_START.length())));
			}
			return admit(probes, exchange, chain);
		}
		boolean report = isReport(request, path);
		boolean write = !report && isWrite(request);
		if (!report && !write) {
			return chain.filter(exchange);
		}
		return Mono.deferContextual((context) -> exchange.getPrincipal()
			.map(Principal::getName)
			.defaultIfEmpty("")
			.flatMap((name) -> {
				String organization = TenantContext.current(context).map((tenant) -> tenant.value().toString())
					.orElse("platform");
				List<ConsumptionProbe> probes = new ArrayList<>();
				if (!name.isEmpty()) {
					probes.add(((report) ? this.reportsPerMember : this.writesPerMember).take(organization + "/" + name));
				}
				probes.add(((report) ? this.reportsPerOrganization : this.writesPerOrganization).take(organization));
				return admit(probes, exchange, chain);
			}));
	}

	private Mono<Void> admit(List<ConsumptionProbe> probes, ServerWebExchange exchange, WebFilterChain chain) {
		long waitNanos = probes.stream()
			.filter((probe) -> !probe.isConsumed())
			.mapToLong(ConsumptionProbe::getNanosToWaitForRefill)
			.max()
			.orElse(-1);
		if (waitNanos < 0) {
			return chain.filter(exchange);
		}
		long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
		ApiException tooMany = new ApiException(HttpStatus.TOO_MANY_REQUESTS, ProblemType.TOO_MANY_REQUESTS,
				"Too many requests; try again in " + seconds + " seconds.", "problem.detail.too-many-requests", seconds);
		tooMany.getHeaders().set("Retry-After", Long.toString(seconds));
		return Mono.error(tooMany);
	}

	private static boolean isSignInStart(ServerHttpRequest request, String path) {
		return (request.getMethod() == HttpMethod.POST && path.equals("/login")) || path.startsWith(SIGN_IN_START);
	}

	private static boolean isReport(ServerHttpRequest request, String path) {
		return request.getMethod() == HttpMethod.GET
				&& (path.startsWith("/api/v1/reports/") || path.equals("/hr") || path.startsWith("/hr/"));
	}

	private static boolean isWrite(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
				|| method == HttpMethod.DELETE;
	}

	private static String address(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

}
