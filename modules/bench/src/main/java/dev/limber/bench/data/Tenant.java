package dev.limber.bench.data;

import java.util.UUID;

/**
 * An organization onboarded for the run; its issuer and audience are named after its
 * slug.
 */
public record Tenant(UUID id, String slug, String issuer) {

	public String audience() {
		return this.slug + "-portal";
	}

}
