package dev.limber.organizations.members;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.notify.DatabaseNotifications;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.organizations.AuditTrail;
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

	private final DatabaseNotifications notifications;

	private final AuditTrail trail;

	private final ApplicationEventPublisher events;

	MemberSync(DatabaseClient database, TransactionalOperator transactions, DatabaseNotifications notifications,
			AuditTrail trail, ApplicationEventPublisher events) {
		this.database = database;
		this.transactions = transactions;
		this.notifications = notifications;
		this.trail = trail;
		this.events = events;
	}

	public Mono<CurrentMember> sync(Organization organization, SignInClaims claims) {
		CurrentMember cached = this.recent.getIfPresent(claims);
		if (cached != null) {
			return Mono.just(cached);
		}
		return claimProvisionedMember(organization, claims).then(upsertMember(organization, claims))
			.flatMap((stored) -> rolesChanged(stored, claims).thenReturn(stored))
			.flatMap((stored) -> syncTeams(organization, stored.id(), claims.teams())
				.map((teams) -> new CurrentMember(organization.id(), organization.slug(), stored.id(),
						stored.displayName(), stored.email(), claims.roles(), stored.department(), stored.location(),
						teams, java.time.ZoneId.of(organization.timeZone()), organization.minGroupSize())))
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(organization.id()))
			.doOnNext((member) -> this.recent.put(claims, member))
			.doOnNext((member) -> this.events.publishEvent(new MemberChanged(member.memberId())));
	}

	/**
	 * Roles come from the identity provider at every sign-in; when they differ from the
	 * stored ones, the change is audited and announced, so open sessions on every
	 * instance follow.
	 */
	private Mono<Void> rolesChanged(StoredMember stored, SignInClaims claims) {
		List<String> roles = claims.roles().stream().map(Enum::name).sorted().toList();
		if (stored.previousRoles() == null || stored.previousRoles().stream().sorted().toList().equals(roles)) {
			return Mono.empty();
		}
		return this.trail
			.record(null, "member.roles-changed", stored.id().toString(),
					Map.of("source", "sign-in", "old", stored.previousRoles().stream().sorted().toList(), "new", roles))
			.then(this.notifications.send(MemberStatus.CHANNEL, stored.id().toString()));
	}

	/**
	 * An organization's settings (time zone, group size) are part of its members'
	 * sign-ins.
	 */
	@EventListener
	void organizationChanged(OrganizationChanged event) {
		// only that organization's: with thousands of them, one change must not
		// send every member's next request through a sign-in write
		this.recent.asMap().values().removeIf((cached) -> cached.tenant().equals(event.organization()));
	}

	/**
	 * Forgets cached sign-ins so that a deactivation takes effect at once on this
	 * instance.
	 */
	public void forgetAll() {
		this.recent.invalidateAll();
	}

	/**
	 * Forgets the cached sign-ins of one member (changed by SCIM, or on another
	 * instance).
	 */
	void forget(UUID member) {
		this.recent.asMap().values().removeIf((cached) -> cached.memberId().equals(member));
	}

	/**
	 * Links a member that SCIM provisioned before their first sign-in to this subject.
	 */
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
			String location, List<String> previousRoles) {
	}

	private Mono<StoredMember> upsertMember(Organization organization, SignInClaims claims) {
		// the statement's snapshot still shows the roles before it, so a change
		// can be announced
		return this.database.sql("""
				with previous as (
				    select roles from organizations.member
				    where tenant_id = :tenant and issuer = :issuer and subject = :subject)
				insert into organizations.member (tenant_id, id, issuer, subject, email, display_name, department,
				    location, roles, external_id)
				values (:tenant, gen_random_uuid(), :issuer, :subject, :email, :displayName, :department, :location,
				    :roles, :objectId)
				on conflict (tenant_id, issuer, subject) do update set
				    email = coalesce(excluded.email, member.email),
				    display_name = coalesce(excluded.display_name, member.display_name),
				    department = coalesce(excluded.department, member.department),
				    location = coalesce(excluded.location, member.location),
				    external_id = coalesce(member.external_id, excluded.external_id),
				    roles = excluded.roles, updated_at = now()
				returning id, active, display_name, email, department, location,
				    (select roles from previous) as previous_roles""")
			.bind("tenant", organization.id().value())
			.bind("issuer", claims.issuer())
			.bind("subject", claims.subject())
			.bind("email", Parameter.fromOrEmpty(claims.email(), String.class))
			.bind("displayName", Parameter.fromOrEmpty(claims.displayName(), String.class))
			.bind("department", Parameter.fromOrEmpty(claims.department(), String.class))
			.bind("location", Parameter.fromOrEmpty(claims.location(), String.class))
			.bind("roles", claims.roles().stream().map(Enum::name).sorted().toArray(String[]::new))
			.bind("objectId", Parameter.fromOrEmpty(claims.objectId(), String.class))
			.map((row, metadata) -> new StoredMember(row.get("id", UUID.class), row.get("active", Boolean.class),
					row.get("display_name", String.class), row.get("email", String.class),
					row.get("department", String.class), row.get("location", String.class),
					(row.get("previous_roles", String[].class) != null)
							? Arrays.asList(row.get("previous_roles", String[].class)) : null))
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
				on conflict do nothing""").bind("member", memberId).bind("names", names).then();
		Mono<List<String>> currentTeams = this.database.sql("""
				select coalesce(array_agg(team.name order by team.name), '{}') as names
				from organizations.team_membership membership
				join organizations.team team on team.tenant_id = membership.tenant_id and team.id = membership.team_id
				where membership.member_id = :member""")
			.bind("member", memberId)
			.map((row, metadata) -> Arrays.asList(row.get("names", String[].class)))
			.one();
		if (names.length == 0) {
			// most tokens carry no groups: nothing to create or join, two
			// round trips saved
			return leaveOldTeams.then(currentTeams);
		}
		return createTeams.then(leaveOldTeams).then(joinTeams).then(currentTeams);
	}

}
