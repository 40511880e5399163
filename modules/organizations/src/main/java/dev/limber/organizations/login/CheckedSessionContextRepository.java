package dev.limber.organizations.login;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import dev.limber.organizations.CurrentMember;
import dev.limber.organizations.members.MemberStatus;

/**
 * Portal sessions, checked against the member's state on every request: a deactivated or
 * deleted member's session ends (the next page asks to sign in), and changed roles
 * replace the ones the session was signed in with. Works the same with sessions in memory
 * or Redis, since only the member's id is taken from the session.
 */
final class CheckedSessionContextRepository implements ServerSecurityContextRepository {

	private final ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

	private final MemberStatus status;

	CheckedSessionContextRepository(MemberStatus status) {
		this.status = status;
	}

	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		return this.sessions.save(exchange, context);
	}

	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		return this.sessions.load(exchange).flatMap((context) -> {
			if (!(context.getAuthentication() instanceof OAuth2AuthenticationToken token)
					|| !(token.getPrincipal() instanceof MemberOidcUser user)) {
				return Mono.just(context);
			}
			CurrentMember member = user.member();
			return this.status.current(member.tenant(), member.memberId()).flatMap((state) -> {
				if (state.isEmpty() || !state.get().active()) {
					return exchange.getSession().flatMap(WebSession::invalidate).then(Mono.empty());
				}
				if (state.get().roles().equals(member.roles())) {
					return Mono.just(context);
				}
				SecurityContext updated = new SecurityContextImpl(
						withRoles(token, user, member.withRoles(state.get().roles())));
				return this.sessions.save(exchange, updated).thenReturn(updated);
			});
		});
	}

	private static OAuth2AuthenticationToken withRoles(OAuth2AuthenticationToken token, MemberOidcUser user,
			CurrentMember member) {
		List<GrantedAuthority> authorities = member.roles()
			.stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
		MemberOidcUser refreshed = new MemberOidcUser(member, authorities, user.getIdToken(), user.getUserInfo());
		return new OAuth2AuthenticationToken(refreshed, authorities, token.getAuthorizedClientRegistrationId());
	}

}
