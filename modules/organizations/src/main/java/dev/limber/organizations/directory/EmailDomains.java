package dev.limber.organizations.directory;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantId;

/**
 * Which organization each work email domain belongs to. A domain is claimed by one
 * organization at a time (primary key); only the platform operator assigns them.
 */
@Repository
class EmailDomains {

	private final DatabaseClient database;

	EmailDomains(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Makes {@code domains} the organization's domains; 409 if another organization has
	 * one of them.
	 */
	Mono<Void> assign(TenantId organization, List<String> domains) {
		String[] wanted = domains.stream().map(EmailDomains::normalize).distinct().toArray(String[]::new);
		Mono<Void> release = this.database.sql("""
				delete from organizations.email_domain
				where organization_id = :organization and not (domain = any(:domains))""")
			.bind("organization", organization.value())
			.bind("domains", wanted)
			.then();
		Mono<Void> claim = this.database.sql("""
				insert into organizations.email_domain (domain, organization_id)
				select domain, :organization from unnest(:domains::text[]) as domain
				on conflict (domain) do nothing""")
			.bind("organization", organization.value())
			.bind("domains", wanted)
			.then();
		return claimedElsewhere(organization, wanted).collectList()
			.flatMap((taken) -> taken.isEmpty()
					? release.then(claim)
						.then(claimedElsewhere(organization, wanted).collectList())
						.flatMap((lost) -> lost.isEmpty() ? Mono.<Void>empty() : Mono.error(claimed(lost)))
					: Mono.error(claimed(taken)));
	}

	private Flux<String> claimedElsewhere(TenantId organization, String[] domains) {
		return this.database.sql("""
				select domain from organizations.email_domain
				where domain = any(:domains) and organization_id <> :organization order by domain""")
			.bind("organization", organization.value())
			.bind("domains", domains)
			.map((row, metadata) -> row.get("domain", String.class))
			.all();
	}

	private static ApiException claimed(List<String> domains) {
		return ApiException
			.conflict("These email domains belong to another organization: " + String.join(", ", domains));
	}

	static String normalize(String domain) {
		return domain.trim().toLowerCase(java.util.Locale.ROOT);
	}

}
