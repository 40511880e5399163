package dev.limber.organizations.login;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import dev.limber.organizations.CurrentMember;

/** A portal session's user: the OIDC sign-in, resolved to its member. */
final class MemberOidcUser extends DefaultOidcUser implements CurrentMember.MemberPrincipal {

	private final CurrentMember member;

	MemberOidcUser(CurrentMember member, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
			OidcUserInfo userInfo) {
		super(authorities, idToken, userInfo);
		this.member = member;
	}

	@Override
	public CurrentMember member() {
		return this.member;
	}

}
