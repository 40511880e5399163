package dev.limber.organizations.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.organizations.MembersProvisioned;
import dev.limber.organizations.directory.Organization;

/**
 * Development only: a realistic workforce for a demo organization, with departments of
 * very different sizes (two of them below the reporting threshold), so the HR dashboard
 * shows real trends and real ranges. They joined 13 weeks ago, before the twelve weeks of
 * demo history, so reporting counts them in those weeks' memberships. These people cannot
 * sign in; the demo users of the development identity provider can.
 */
final class DemoPeople {

	record Group(String department, String location, int size) {
	}

	static final List<Group> GROUPS = List.of(new Group("Engineering", "Berlin", 70),
			new Group("Engineering", "Munich", 35), new Group("Sales", "Berlin", 30), new Group("Sales", "Remote", 25),
			new Group("Operations", "Munich", 40), new Group("People", "Berlin", 9), new Group("Finance", "Munich", 6),
			new Group("Legal", "Munich", 3));

	/**
	 * Teams as SSO groups would bring them; the demo users of the identity provider carry
	 * the same names.
	 */
	static String teamOf(MembersProvisioned.Member member, int index) {
		return switch (member.department() + "/" + member.location()) {
			case "Engineering/Berlin" -> (index % 2 == 0) ? "Blue Team" : "Green Team";
			case "Engineering/Munich" -> "Orange Team";
			case "Operations/Munich" -> "Ops Team";
			case "People/Berlin" -> "People Team";
			case "Legal/Munich" -> "Legal Team";
			default -> null;
		};
	}

	private DemoPeople() {
	}

	private static Mono<Void> joinTeams(Organization organization, List<MembersProvisioned.Member> members,
			DatabaseClient database) {
		List<UUID> ids = new ArrayList<>();
		List<String> teams = new ArrayList<>();
		for (int i = 0; i < members.size(); i++) {
			String team = teamOf(members.get(i), i);
			if (team != null) {
				ids.add(members.get(i).id());
				teams.add(team);
			}
		}
		return database.sql("""
				with named as (
				    insert into organizations.team (tenant_id, id, name, source)
				    select distinct :tenant::uuid, gen_random_uuid(), name, 'sso' from unnest(:teams::text[]) as name
				    on conflict (tenant_id, name) do nothing
				    returning id, name)
				insert into organizations.team_membership (tenant_id, team_id, member_id)
				select :tenant, named.id, m.id from unnest(:ids::uuid[], :teams::text[]) as m(id, team)
				join named on named.name = m.team""")
			.bind("tenant", organization.id().value())
			.bind("ids", ids.toArray(UUID[]::new))
			.bind("teams", teams.toArray(String[]::new))
			.then();
	}

	static Mono<Void> create(Organization organization, DatabaseClient database, TransactionalOperator transactions,
			ApplicationEventPublisher events) {
		List<MembersProvisioned.Member> members = new ArrayList<>();
		GROUPS.forEach((group) -> {
			for (int i = 0; i < group.size(); i++) {
				members.add(new MembersProvisioned.Member(UUID.randomUUID(), group.department(), group.location()));
			}
		});
		return database.sql("""
				insert into organizations.member (tenant_id, id, issuer, subject, display_name, department, location,
				    created_at)
				select :tenant, id, :issuer, 'demo-' || id, 'Demo colleague', department, location,
				    now() - interval '13 weeks'
				from unnest(:ids::uuid[], :departments::text[], :locations::text[]) as m(id, department, location)""")
			.bind("tenant", organization.id().value())
			.bind("issuer", organization.issuerUri())
			.bind("ids", members.stream().map(MembersProvisioned.Member::id).toArray(UUID[]::new))
			.bind("departments", members.stream().map(MembersProvisioned.Member::department).toArray(String[]::new))
			.bind("locations", members.stream().map(MembersProvisioned.Member::location).toArray(String[]::new))
			.then()
			.then(joinTeams(organization, members, database))
			.as(transactions::transactional)
			.contextWrite(TenantContext.with(organization.id()))
			.doOnSuccess((done) -> events.publishEvent(
					new MembersProvisioned(organization.id(), java.time.ZoneId.of(organization.timeZone()), members)));
	}

}
