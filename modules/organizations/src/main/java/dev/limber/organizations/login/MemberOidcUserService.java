package dev.limber.organizations.login;

import java.util.HashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import dev.limber.organizations.directory.OrganizationStore;
import dev.limber.organizations.members.ClaimsMapper;
import dev.limber.organizations.members.MemberSync;
import dev.limber.organizations.security.GuardedWebClient;

/**
 * Completes a portal sign-in: loads the standard OIDC user, then creates or refreshes the
 * member from the ID token and user-info claims. Deactivated members are refused.
 */
@Component
class MemberOidcUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();

	private final OrganizationStore organizations;

	private final MemberSync members;

	MemberOidcUserService(OrganizationStore organizations, MemberSync members, GuardedWebClient http) {
		this.organizations = organizations;
		this.members = members;
		DefaultReactiveOAuth2UserService userInfo = new DefaultReactiveOAuth2UserService();
		userInfo.setWebClient(http.client());
		this.delegate.setOauth2UserService(userInfo);
	}

	@Override
	public Mono<OidcUser> loadUser(OidcUserRequest request) {
		String slug = request.getClientRegistration().getRegistrationId();
		return this.delegate.loadUser(request).zipWith(this.organizations.findBySlug(slug)).flatMap((loaded) -> {
			OidcUser user = loaded.getT1();
			Map<String, Object> claims = new HashMap<>(user.getClaims());
			return this.members
				.sync(loaded.getT2(),
						ClaimsMapper.map(loaded.getT2(), user.getIssuer().toString(), user.getSubject(), claims))
				.map((member) -> new MemberOidcUser(member,
						member.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList(),
						user.getIdToken(), user.getUserInfo()));
		});
	}

}
