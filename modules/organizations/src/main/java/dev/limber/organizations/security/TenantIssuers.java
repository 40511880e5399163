package dev.limber.organizations.security;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.stereotype.Component;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.members.ClaimsMapper;
import dev.limber.organizations.directory.Organization;
import dev.limber.organizations.directory.OrganizationChanged;
import dev.limber.organizations.directory.OrganizationStore;
import dev.limber.organizations.members.MemberSync;

/**
 * Finds the token verifier for an issuer: the platform's own issuer for operators, or the
 * registered organization that owns the issuer. Unknown issuers get none, so their tokens
 * are rejected. Verifiers are built when an issuer's first token arrives, kept for the
 * most used issuers only (a bounded cache, so thousands of organizations cost no more
 * memory than its size) and dropped when their organization changes; another instance's
 * change is seen within the cache's time to live.
 */
@Component
class TenantIssuers implements ReactiveAuthenticationManagerResolver<String> {

	static final String OPERATOR_AUTHORITY = "ROLE_PLATFORM_OPERATOR";

	private final OrganizationStore organizations;

	private final TokenVerifiers verifiers;

	private final MemberSync members;

	private final SecurityProperties.Platform platform;

	private final AsyncCache<String, Verifier> managers;

	TenantIssuers(OrganizationStore organizations, TokenVerifiers verifiers, MemberSync members,
			SecurityProperties properties) {
		this.organizations = organizations;
		this.verifiers = verifiers;
		this.members = members;
		this.platform = properties.platform();
		this.managers = Caffeine.newBuilder()
			.expireAfterWrite(properties.issuerCacheTtl())
			.maximumSize(properties.issuerCacheSize())
			.buildAsync();
	}

	@Override
	public Mono<ReactiveAuthenticationManager> resolve(String issuer) {
		if (this.platform.isConfigured() && this.platform.issuerUri().equals(issuer)) {
			return Mono.fromFuture(this.managers.get(issuer,
					(key, executor) -> CompletableFuture.completedFuture(new Verifier(null, operatorManager()))), true)
				.map(Verifier::manager);
		}
		// the cached load is shared: one request going away must not cancel it
		// for the others
		return Mono.fromFuture(() -> this.managers.get(issuer,
				(key, executor) -> this.organizations.findByIssuer(key)
					.map((organization) -> new Verifier(organization.id(), memberManager(organization)))
					.toFuture()),
				true)
			.map(Verifier::manager);
	}

	/**
	 * Drops the changed organization's verifier (under its old issuer too) and any still
	 * being built; a newly onboarded one has none yet, so nothing else is rebuilt.
	 */
	@EventListener
	void organizationChanged(OrganizationChanged event) {
		this.managers.asMap()
			.values()
			.removeIf((verifier) -> !verifier.isDone() || verifier.isCompletedExceptionally()
					|| event.organization().equals(verifier.join().organization()));
	}

	private ReactiveAuthenticationManager memberManager(Organization organization) {
		JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(
				this.verifiers.decoder(organization.issuerUri(), organization.audience()));
		manager.setJwtAuthenticationConverter((jwt) -> this.members
			.sync(organization,
					ClaimsMapper.map(organization, jwt.getIssuer().toString(), jwt.getSubject(), jwt.getClaims()))
			.map((member) -> new MemberAuthentication(jwt, member,
					member.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList())));
		return manager;
	}

	private ReactiveAuthenticationManager operatorManager() {
		JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(
				this.verifiers.decoder(this.platform.issuerUri(), this.platform.audience()));
		manager.setJwtAuthenticationConverter((jwt) -> Mono.just(operator(jwt)));
		return manager;
	}

	private JwtAuthenticationToken operator(Jwt jwt) {
		boolean isOperator = ClaimsMapper.strings(jwt.getClaims(), this.platform.rolesClaim())
			.contains(this.platform.operatorRole());
		return new JwtAuthenticationToken(jwt,
				isOperator ? AuthorityUtils.createAuthorityList(OPERATOR_AUTHORITY) : List.of());
	}

	/** A verifier and the organization it belongs to (none: the platform's). */
	private record Verifier(TenantId organization, ReactiveAuthenticationManager manager) {
	}

}
