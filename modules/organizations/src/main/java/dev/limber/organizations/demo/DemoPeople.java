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
 * Development only: a realistic workforce for a demo organization, with departments of very
 * different sizes (two of them below the reporting threshold), so the HR dashboard shows real
 * trends and real suppression. These people cannot sign in; the demo users of the
 * development identity provider can.
 */
final class DemoPeople {

	record Group(String department, String location, int size) {
	}

	static final List<Group> GROUPS = List.of(new Group("Engineering", "Berlin", 70),
			new Group("Engineering", "Munich", 35), new Group("Sales", "Berlin", 30), new Group("Sales", "Remote", 25),
			new Group("Operations", "Munich", 40), new Group("People", "Berlin", 9), new Group("Finance", "Munich", 6),
			new Group("Legal", "Munich", 3));

	private DemoPeople() {
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
				insert into organizations.member (tenant_id, id, issuer, subject, display_name, department, location)
				select :tenant, id, :issuer, 'demo-' || id, 'Demo colleague', department, location
				from unnest(:ids::uuid[], :departments::text[], :locations::text[]) as m(id, department, location)""")
			.bind("tenant", organization.id().value())
			.bind("issuer", organization.issuerUri())
			.bind("ids", members.stream().map(MembersProvisioned.Member::id).toArray(UUID[]::new))
			.bind("departments", members.stream().map(MembersProvisioned.Member::department).toArray(String[]::new))
			.bind("locations", members.stream().map(MembersProvisioned.Member::location).toArray(String[]::new))
			.then()
			.as(transactions::transactional)
			.contextWrite(TenantContext.with(organization.id()))
			.doOnSuccess((done) -> events.publishEvent(new MembersProvisioned(organization.id(), members)));
	}

}
