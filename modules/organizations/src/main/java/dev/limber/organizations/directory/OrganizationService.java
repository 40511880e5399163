package dev.limber.organizations.directory;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.security.IssuerPolicy;

/** Onboards organizations and changes their settings. */
@Service
public class OrganizationService {

	private final OrganizationRepository repository;

	private final IssuerPolicy issuerPolicy;

	private final ApplicationEventPublisher events;

	OrganizationService(OrganizationRepository repository, IssuerPolicy issuerPolicy,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.issuerPolicy = issuerPolicy;
		this.events = events;
	}

	public Mono<Organization> create(OrganizationRequest request) {
		return validated(new TenantId(UUID.randomUUID()), request, null)
			.flatMap(this.repository::insert)
			.onErrorMap(DuplicateKeyException.class,
					(ex) -> ApiException.conflict("An organization with this slug or issuer already exists."))
			.doOnNext(this::changed);
	}

	public Mono<Organization> update(TenantId id, OrganizationRequest request) {
		return this.repository.findById(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Organization")))
			.flatMap((existing) -> validated(id, request, existing))
			.flatMap(this.repository::update)
			.onErrorMap(DuplicateKeyException.class,
					(ex) -> ApiException.conflict("An organization with this slug or issuer already exists."))
			.doOnNext(this::changed);
	}

	/** An organization admin's change to their own organization. */
	public Mono<Organization> updateSettings(TenantId id, SettingsRequest settings) {
		return this.repository.findById(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Organization")))
			.flatMap((existing) -> validated(id,
					new OrganizationRequest(existing.slug(), settings.displayName(), existing.issuerUri(),
							existing.audience(), existing.clientId(), null,
							(settings.emailDomains() != null) ? settings.emailDomains() : existing.emailDomains(),
							(settings.claims() != null) ? settings.claims() : claimsOf(existing.claims()),
							settings.minGroupSize(), settings.timeZone()),
					existing))
			.flatMap(this.repository::update)
			.doOnNext(this::changed);
	}

	private Mono<Organization> validated(TenantId id, OrganizationRequest request, Organization existing) {
		String timeZone = (request.timeZone() != null) ? request.timeZone() : "UTC";
		try {
			ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			return Mono.error(ApiException.badRequest("timeZone is not a known time zone: " + timeZone));
		}
		String secret = (request.clientSecret() != null) ? request.clientSecret()
				: (existing != null) ? existing.clientSecret() : null;
		Organization organization = new Organization(id, request.slug(), request.displayName(),
				request.issuerUri().trim(), (request.audience() != null) ? request.audience() : request.clientId(),
				request.clientId(), secret, (request.emailDomains() != null) ? request.emailDomains() : List.of(),
				claims(request.claims()), (request.minGroupSize() != null) ? request.minGroupSize() : 5, timeZone);
		return this.issuerPolicy.check(organization.issuerUri())
			.onErrorMap(IssuerPolicy.RejectedIssuerException.class,
					(ex) -> ApiException.unprocessable("issuerUri: " + ex.getMessage()))
			.onErrorMap(java.net.UnknownHostException.class,
					(ex) -> ApiException.unprocessable("issuerUri: the host cannot be resolved."))
			.thenReturn(organization);
	}

	private static OrganizationRequest.Claims claimsOf(ClaimMapping mapping) {
		return new OrganizationRequest.Claims(mapping.department(), mapping.location(), mapping.groups(),
				mapping.roles(), mapping.roleValues());
	}

	private static ClaimMapping claims(OrganizationRequest.Claims claims) {
		ClaimMapping defaults = ClaimMapping.defaults();
		if (claims == null) {
			return defaults;
		}
		return new ClaimMapping(or(claims.department(), defaults.department()),
				or(claims.location(), defaults.location()), or(claims.groups(), defaults.groups()),
				or(claims.roles(), defaults.roles()),
				(claims.roleValues() != null) ? claims.roleValues() : defaults.roleValues());
	}

	private static String or(String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	private void changed(Organization organization) {
		this.events.publishEvent(new OrganizationChanged(organization.id()));
	}

}
