package dev.limber.organizations.directory;

import java.util.List;

import dev.limber.kernel.tenant.TenantId;

/** A tenant: a company that signs its people in through its own identity provider. */
public record Organization(TenantId id, String slug, String displayName, String issuerUri, String audience,
		String clientId, String clientSecret, List<String> emailDomains, ClaimMapping claims, int minGroupSize,
		String timeZone) {

	@Override
	public String toString() {
		return "Organization[" + this.slug + "]";
	}

}
