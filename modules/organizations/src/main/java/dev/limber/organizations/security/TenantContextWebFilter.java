package dev.limber.organizations.security;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.organizations.CurrentMember;

/**
 * Makes the signed-in member's organization the tenant of everything the request does.
 * Runs after Spring Security, whose context it reads.
 */
@Component
@Order(0)
class TenantContextWebFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return CurrentMember.current()
			.map((member) -> chain.filter(exchange).contextWrite(TenantContext.with(member.tenant())))
			.defaultIfEmpty(chain.filter(exchange))
			.flatMap((filtered) -> filtered);
	}

}
