package dev.limber.organizations;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.limber.kernel.tenant.TenantId;

/**
 * Published after members were created in bulk (for example the development demo data).
 *
 * @param zone the organization's time zone
 */
public record MembersProvisioned(TenantId organization, ZoneId zone, List<Member> members) {

	public record Member(UUID id, String department, String location) {
	}

}
