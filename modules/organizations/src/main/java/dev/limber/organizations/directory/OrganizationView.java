package dev.limber.organizations.directory;

import java.util.List;
import java.util.UUID;

/** An organization as the API shows it: never the client secret. */
public record OrganizationView(UUID id, String slug, String displayName, String issuerUri, String audience,
		String clientId, boolean clientSecretSet, List<String> emailDomains, ClaimMapping claims, int minGroupSize,
		String timeZone) {

	static OrganizationView of(Organization organization) {
		return new OrganizationView(organization.id().value(), organization.slug(), organization.displayName(),
				organization.issuerUri(), organization.audience(), organization.clientId(),
				organization.clientSecret() != null, organization.emailDomains(), organization.claims(),
				organization.minGroupSize(), organization.timeZone());
	}

}
