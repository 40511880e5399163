package dev.limber.organizations.login;

import java.util.Map;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.kernel.web.PublicBaseUrl;
import dev.limber.organizations.directory.Organization;
import dev.limber.organizations.directory.OrganizationChanged;
import dev.limber.organizations.directory.OrganizationStore;
import dev.limber.organizations.security.GuardedWebClient;
import dev.limber.organizations.security.SecurityProperties;

/**
 * Portal sign-in registrations, one per organization (registration id = slug), built from
 * the directory and the issuer's OIDC discovery document. A new organization can sign in
 * at once; a changed one is rebuilt.
 */
@Component
class OrganizationClientRegistrations implements ReactiveClientRegistrationRepository {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final Log logger = LogFactory.getLog(OrganizationClientRegistrations.class);

	private final OrganizationStore organizations;

	private final GuardedWebClient http;

	private final AsyncCache<String, Registration> registrations;

	private final PublicBaseUrl publicBaseUrl;

	OrganizationClientRegistrations(OrganizationStore organizations, GuardedWebClient http, PublicBaseUrl publicBaseUrl,
			SecurityProperties properties) {
		this.organizations = organizations;
		// bounded, and another instance's change is seen within the time to live
		this.registrations = Caffeine.newBuilder()
			.expireAfterWrite(properties.issuerCacheTtl())
			.maximumSize(properties.issuerCacheSize())
			.buildAsync();
		this.http = http;
		this.publicBaseUrl = publicBaseUrl;
	}

	@Override
	public Mono<ClientRegistration> findByRegistrationId(String slug) {
		// the cached load is shared: one request going away must not cancel it
		// for the others
		return Mono.fromFuture(() -> this.registrations.get(slug,
				(key, executor) -> this.organizations.findBySlug(key)
					.flatMap((organization) -> build(organization)
						.map((registration) -> new Registration(organization.id(), registration)))
					.toFuture()),
				true)
			.map(Registration::registration);
	}

	/**
	 * Drops the changed organization's registration (under its old slug too) and any
	 * still being built; a newly onboarded one has none yet, so nothing else is rebuilt.
	 */
	@EventListener
	void organizationChanged(OrganizationChanged event) {
		this.registrations.asMap()
			.values()
			.removeIf((registration) -> !registration.isDone() || registration.isCompletedExceptionally()
					|| event.organization().equals(registration.join().organization()));
	}

	private Mono<ClientRegistration> build(Organization organization) {
		String discovery = organization.issuerUri().replaceFirst("/$", "") + "/.well-known/openid-configuration";
		return this.http.client()
			.get()
			.uri(discovery)
			.retrieve()
			.bodyToMono(JSON_OBJECT)
			.map((metadata) -> registration(organization, ProviderMetadata.checked(organization.issuerUri(), metadata)))
			.onErrorResume((ex) -> {
				// no registration: the sign-in answers 400 instead of calling
				// a refused address
				logger.warn("Sign-in with " + organization + " is unavailable: " + ex.getMessage());
				return Mono.empty();
			});
	}

	private ClientRegistration registration(Organization organization, ProviderMetadata metadata) {
		boolean publicClient = organization.clientSecret() == null;
		return ClientRegistration.withRegistrationId(organization.slug())
			.clientId(organization.clientId())
			.clientSecret(publicClient ? null : organization.clientSecret())
			.clientAuthenticationMethod(
					publicClient ? ClientAuthenticationMethod.NONE : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(this.publicBaseUrl.resolve("/login/oauth2/code/{registrationId}"))
			.scope("openid", "profile", "email")
			.issuerUri(metadata.issuer())
			.authorizationUri(metadata.authorizationEndpoint())
			.tokenUri(metadata.tokenEndpoint())
			.jwkSetUri(metadata.jwksUri())
			.userInfoUri(metadata.userInfoEndpoint())
			.userNameAttributeName(IdTokenClaimNames.SUB)
			.providerConfigurationMetadata(metadata.all())
			.clientName(organization.displayName())
			.build();
	}

	private record Registration(TenantId organization, ClientRegistration registration) {
	}

}
