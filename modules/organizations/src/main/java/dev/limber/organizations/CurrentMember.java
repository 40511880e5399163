package dev.limber.organizations;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

import dev.limber.kernel.tenant.TenantId;

/**
 * The signed-in member of the current request: who they are, in which organization, and
 * what the organization's identity provider says about them. Serializable: it is part of
 * the signed-in principal that a portal session keeps, and sessions may live in Redis.
 *
 * @param zone the organization's time zone: days, streaks and challenge windows follow it
 * @param minGroupSize the organization's smallest reportable group
 */
public record CurrentMember(TenantId tenant, String organizationSlug, UUID memberId, String displayName, String email,
		Set<Role> roles, String department, String location, List<String> teams, ZoneId zone,
		int minGroupSize) implements Serializable {

	/** Organization, department and teams, for showing where a member belongs. */
	public List<String> affiliation() {
		List<String> parts = new java.util.ArrayList<>();
		parts.add(this.organizationSlug);
		if (this.department != null) {
			parts.add(this.department);
		}
		parts.addAll(this.teams);
		return parts;
	}

	/** The same member with the roles the identity provider gives them now. */
	public CurrentMember withRoles(Set<Role> newRoles) {
		return new CurrentMember(this.tenant, this.organizationSlug, this.memberId, this.displayName, this.email,
				Set.copyOf(newRoles), this.department, this.location, this.teams, this.zone, this.minGroupSize);
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	/** The member of the current request; empty for anonymous or operator requests. */
	public static Mono<CurrentMember> current() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.mapNotNull((authentication) -> {
				if (authentication instanceof MemberPrincipal token) {
					return token.member();
				}
				return (authentication.getPrincipal() instanceof MemberPrincipal user) ? user.member() : null;
			});
	}

	/** Implemented by authentications that carry a member. */
	public interface MemberPrincipal {

		CurrentMember member();

	}

}
