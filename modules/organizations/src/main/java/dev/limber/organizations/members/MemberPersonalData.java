package dev.limber.organizations.members;

import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.kernel.privacy.PersonalData;
import dev.limber.kernel.tenant.TenantId;

/**
 * The member's profile as the identity provider and SCIM described it, and their teams.
 */
@Component
class MemberPersonalData implements PersonalData {

	private final DatabaseClient database;

	private final MemberSync signIns;

	MemberPersonalData(DatabaseClient database, MemberSync signIns) {
		this.database = database;
		this.signIns = signIns;
	}

	@Override
	public String section() {
		return "profile";
	}

	@Override
	public Mono<Object> export(TenantId tenant, UUID member) {
		return this.database.sql("""
				select m.id, m.email, m.display_name, m.user_name, m.department, m.location, m.roles, m.active,
				    m.created_at, m.updated_at,
				    coalesce(array_agg(t.name order by t.name) filter (where t.name is not null), '{}') as teams
				from organizations.member m
				left join organizations.team_membership tm on tm.tenant_id = m.tenant_id and tm.member_id = m.id
				left join organizations.team t on t.tenant_id = tm.tenant_id and t.id = tm.team_id
				where m.id = :member group by m.tenant_id, m.id""")
			.bind("member", member)
			.fetch()
			.one()
			.map((row) -> (Object) row)
			.defaultIfEmpty(Map.of());
	}

	@Override
	public Mono<Void> erase(TenantId tenant, UUID member) {
		return this.database.sql("delete from organizations.member where id = :member")
			.bind("member", member)
			.then()
			.doOnSuccess((done) -> this.signIns.forgetAll());
	}

}
