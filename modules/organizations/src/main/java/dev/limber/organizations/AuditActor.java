package dev.limber.organizations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

/**
 * Who is acting, for the {@link AuditTrail}: a member (by id), or someone who is not a
 * member of the organization (a platform operator, a SCIM client), named in the entry's
 * details.
 *
 * @param memberId the acting member; null when not a member
 * @param name who acted when not a member, such as {@code operator:alice} or {@code scim}
 */
public record AuditActor(UUID memberId, String name) {

	/** The actor of the current request; the system when nobody is signed in. */
	public static Mono<AuditActor> current() {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.map(AuditActor::of)
			.defaultIfEmpty(new AuditActor(null, "system"));
	}

	private static AuditActor of(Authentication authentication) {
		if (authentication instanceof CurrentMember.MemberPrincipal member) {
			return new AuditActor(member.member().memberId(), null);
		}
		if (authentication.getPrincipal() instanceof CurrentMember.MemberPrincipal user) {
			return new AuditActor(user.member().memberId(), null);
		}
		String principal = String.valueOf(authentication.getName());
		return new AuditActor(null, principal.startsWith("scim:") ? "scim" : "operator:" + principal);
	}

	/** {@code details} with the actor's name added when the actor is not a member. */
	public Map<String, Object> with(Map<String, ?> details) {
		Map<String, Object> all = new LinkedHashMap<>(details);
		if (this.name != null) {
			all.put("actor", this.name);
		}
		return all;
	}

}
