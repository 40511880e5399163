package dev.limber.organizations.security;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.CurrentMember;

/**
 * Makes the organization of whoever is signed in (a member, or a SCIM client) the tenant
 * of everything the request does. Runs after Spring Security, whose context it reads.
 */
@Component
@Order(0)
class TenantContextWebFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.mapNotNull(TenantContextWebFilter::tenantOf)
			.map((tenant) -> chain.filter(exchange).contextWrite(TenantContext.with(tenant)))
			.defaultIfEmpty(chain.filter(exchange))
			.flatMap((filtered) -> filtered);
	}

	private static TenantId tenantOf(Authentication authentication) {
		if (authentication instanceof TenantBound bound) {
			return bound.tenant();
		}
		if (authentication instanceof CurrentMember.MemberPrincipal member) {
			return member.member().tenant();
		}
		return (authentication.getPrincipal() instanceof CurrentMember.MemberPrincipal user) ? user.member().tenant()
				: null;
	}

}
