package dev.limber.organizations.directory;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.security.IssuerPolicy;

/** Onboards organizations and changes their settings. */
@Service
public class OrganizationService {

	private final OrganizationStore store;

	private final IssuerPolicy issuerPolicy;

	private final ApplicationEventPublisher events;

	private final EmailDomains domains;

	private final SettingsAudit audit;

	private final TransactionalOperator transactions;

	OrganizationService(OrganizationStore store, IssuerPolicy issuerPolicy, ApplicationEventPublisher events,
			EmailDomains domains, SettingsAudit audit, TransactionalOperator transactions) {
		this.store = store;
		this.issuerPolicy = issuerPolicy;
		this.events = events;
		this.domains = domains;
		this.audit = audit;
		this.transactions = transactions;
	}

	public Flux<Organization> all() {
		return this.store.findAll();
	}

	/** The organization, or a 404 problem when there is none. */
	public Mono<Organization> find(TenantId id) {
		return this.store.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("Organization")));
	}

	/**
	 * The organization that signs in with {@code input}: an email address (its domain) or
	 * a slug.
	 */
	public Mono<Organization> forSignIn(String input) {
		int at = input.lastIndexOf('@');
		if (at >= 0) {
			return this.store.findByEmailDomain(input.substring(at + 1));
		}
		return input.isEmpty() ? Mono.empty() : this.store.findBySlug(input);
	}

	/**
	 * An operator onboards an organization; its email domains must not belong to another
	 * one.
	 */
	public Mono<Organization> create(OrganizationRequest request) {
		TenantId id = new TenantId(UUID.randomUUID());
		return validated(id, request, null)
			.flatMap((organization) -> this.store.insert(organization)
				.then(this.domains.assign(id, organization.emailDomains()))
				.then(this.audit.created(organization))
				.thenReturn(organization)
				.as(this.transactions::transactional)
				.contextWrite(TenantContext.with(id)))
			.onErrorMap(DuplicateKeyException.class,
					(ex) -> ApiException.conflict("An organization with this slug or issuer already exists."))
			.doOnNext(this::changed);
	}

	/** An operator's change, email domains included. */
	public Mono<Organization> update(TenantId id, OrganizationRequest request) {
		return this.store.findById(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Organization")))
			.flatMap((existing) -> validated(id, request, existing).flatMap((changed) -> save(existing, changed, true)))
			.onErrorMap(DuplicateKeyException.class,
					(ex) -> ApiException.conflict("An organization with this slug or issuer already exists."))
			.doOnNext(this::changed);
	}

	/**
	 * An organization admin's change to their own organization. Email domains decide
	 * whose sign-in page a work email reaches, so only the operator assigns them: the
	 * admin may send back the assigned ones unchanged, nothing else (403).
	 */
	public Mono<Organization> updateSettings(TenantId id, SettingsRequest settings) {
		return this.store.findById(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Organization")))
			.flatMap((existing) -> {
				if (settings.emailDomains() != null && !sameDomains(settings.emailDomains(), existing.emailDomains())) {
					return Mono.error(ApiException.forbidden(
							"Email domains are assigned by the platform operator; ask them to add or remove one."));
				}
				return validated(id,
						new OrganizationRequest(existing.slug(), settings.displayName(), existing.issuerUri(),
								existing.audience(), existing.clientId(), null, existing.emailDomains(),
								(settings.claims() != null) ? settings.claims() : claimsOf(existing.claims()),
								settings.minGroupSize(), settings.timeZone()),
						existing)
					.flatMap((changed) -> save(existing, changed, false));
			})
			.doOnNext(this::changed);
	}

	private Mono<Organization> save(Organization existing, Organization changed, boolean byOperator) {
		Mono<Void> domains = byOperator ? this.domains.assign(changed.id(), changed.emailDomains()) : Mono.empty();
		return this.store.update(changed)
			.then(domains)
			.then(this.audit.changed(existing, changed))
			.then(this.store.findById(changed.id()))
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(changed.id()));
	}

	private static boolean sameDomains(List<String> sent, List<String> assigned) {
		return sent.stream()
			.map(EmailDomains::normalize)
			.collect(java.util.stream.Collectors.toSet())
			.equals(assigned.stream().collect(java.util.stream.Collectors.toSet()));
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
