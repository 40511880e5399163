package dev.limber.organizations.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import dev.limber.organizations.CurrentMember;

/** A verified token of an organization's identity provider, resolved to its member. */
final class MemberAuthentication extends JwtAuthenticationToken implements CurrentMember.MemberPrincipal {

	private final CurrentMember member;

	MemberAuthentication(Jwt jwt, CurrentMember member, Collection<? extends GrantedAuthority> authorities) {
		super(jwt, authorities, member.memberId().toString());
		this.member = member;
	}

	@Override
	public CurrentMember member() {
		return this.member;
	}

}
