package dev.limber.organizations.members;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.organizations.CurrentMember;
import dev.limber.organizations.directory.Organization;
import dev.limber.organizations.directory.OrganizationChanged;

/**
 * Creates members just in time and refreshes them from their identity provider's claims.
 * A member is identified by issuer and subject, never by email. Recent identical claims
 * are served from a short cache so that API calls do not write on every request.
 */
@Service
public class MemberSync {

	private static final Duration RECENT = Duration.ofSeconds(60);

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	private final Cache<SignInClaims, CurrentMember> recent = Caffeine.newBuilder()
		.expireAfterWrite(RECENT)
		.maximumSize(50_000)
		.build();

	MemberSync(DatabaseClient database, TransactionalOperator transactions) {
		this.database = database;
		this.transactions = transactions;
	}

	public Mono<CurrentMember> sync(Organization organization, SignInClaims claims) {
		CurrentMember cached = this.recent.getIfPresent(claims);
		if (cached != null) {
			return Mono.just(cached);
		}
		return claimProvisionedMember(organization, claims).then(upsertMember(organization, claims))
			.flatMap((stored) -> syncTeams(organization, stored.id(), claims.teams())
				.map((teams) -> new CurrentMember(organization.id(), organization.slug(), stored.id(),
						stored.displayName(), stored.email(), claims.roles(), stored.department(), stored.location(),
						teams, java.time.ZoneId.of(organization.timeZone()), organization.minGroupSize())))
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(organization.id()))
			.doOnNext((member) -> this.recent.put(claims, member));
	}

	/** An organization's settings (time zone, group size) are part of its members' sign-ins. */
	@EventListener(OrganizationChanged.class)
	void organizationChanged() {
		forgetAll();
	}

	/** Forgets cached sign-ins so that a deactivation takes effect at once on this instance. */
	public void forgetAll() {
		this.recent.invalidateAll();
	}

	/** Links a member that SCIM provisioned before their first sign-in to this subject. */
	private Mono<Void> claimProvisionedMember(Organization organization, SignInClaims claims) {
		return this.database.sql("""
				update organizations.member set subject = :subject, updated_at = now()
				where tenant_id = :tenant and issuer = :issuer and subject is null
				  and external_id = any(:externalIds)
				  and not exists (select 1 from organizations.member known
				                  where known.tenant_id = :tenant and known.issuer = :issuer
				                    and known.subject = :subject)""")
			.bind("tenant", organization.id().value())
			.bind("issuer", claims.issuer())
			.bind("subject", claims.subject())
			.bind("externalIds", claims.externalIds().toArray(String[]::new))
			.then();
	}

	/** The member as stored: claims fill in, but never erase what SCIM provisioned. */
	private record StoredMember(UUID id, boolean active, String displayName, String email, String department,
			String location) {
	}

	private Mono<StoredMember> upsertMember(Organization organization, SignInClaims claims) {
		return this.database.sql("""
				insert into organizations.member (tenant_id, id, issuer, subject, email, display_name, department,
				    location, roles)
				values (:tenant, gen_random_uuid(), :issuer, :subject, :email, :displayName, :department, :location,
				    :roles)
				on conflict (tenant_id, issuer, subject) do update set
				    email = coalesce(excluded.email, member.email),
				    display_name = coalesce(excluded.display_name, member.display_name),
				    department = coalesce(excluded.department, member.department),
				    location = coalesce(excluded.location, member.location),
				    roles = excluded.roles, updated_at = now()
				returning id, active, display_name, email, department, location""")
			.bind("tenant", organization.id().value())
			.bind("issuer", claims.issuer())
			.bind("subject", claims.subject())
			.bind("email", Parameter.fromOrEmpty(claims.email(), String.class))
			.bind("displayName", Parameter.fromOrEmpty(claims.displayName(), String.class))
			.bind("department", Parameter.fromOrEmpty(claims.department(), String.class))
			.bind("location", Parameter.fromOrEmpty(claims.location(), String.class))
			.bind("roles", claims.roles().stream().map(Enum::name).sorted().toArray(String[]::new))
			.map((row, metadata) -> new StoredMember(row.get("id", UUID.class), row.get("active", Boolean.class),
					row.get("display_name", String.class), row.get("email", String.class),
					row.get("department", String.class), row.get("location", String.class)))
			.one()
			.filter(StoredMember::active)
			.switchIfEmpty(Mono.error(() -> new DisabledException("This member has been deactivated.")));
	}

	private Mono<List<String>> syncTeams(Organization organization, UUID memberId, List<String> teams) {
		String[] names = teams.toArray(String[]::new);
		Mono<Void> createTeams = this.database.sql("""
				insert into organizations.team (tenant_id, id, name, source)
				select :tenant, gen_random_uuid(), name, 'sso' from unnest(:names::text[]) as name
				on conflict (tenant_id, name) do nothing""")
			.bind("tenant", organization.id().value())
			.bind("names", names)
			.then();
		Mono<Void> leaveOldTeams = this.database.sql("""
				delete from organizations.team_membership membership using organizations.team team
				where membership.team_id = team.id and membership.tenant_id = team.tenant_id
				  and membership.member_id = :member and team.source = 'sso' and not (team.name = any(:names))""")
			.bind("member", memberId)
			.bind("names", names)
			.then();
		Mono<Void> joinTeams = this.database.sql("""
				insert into organizations.team_membership (tenant_id, team_id, member_id)
				select tenant_id, id, :member from organizations.team where name = any(:names)
				on conflict do nothing""")
			.bind("member", memberId)
			.bind("names", names)
			.then();
		Mono<List<String>> currentTeams = this.database.sql("""
				select coalesce(array_agg(team.name order by team.name), '{}') as names
				from organizations.team_membership membership
				join organizations.team team on team.tenant_id = membership.tenant_id and team.id = membership.team_id
				where membership.member_id = :member""")
			.bind("member", memberId)
			.map((row, metadata) -> Arrays.asList(row.get("names", String[].class)))
			.one();
		if (names.length == 0) {
			// most tokens carry no groups: nothing to create or join, two round trips saved
			return leaveOldTeams.then(currentTeams);
		}
		return createTeams.then(leaveOldTeams).then(joinTeams).then(currentTeams);
	}

}
