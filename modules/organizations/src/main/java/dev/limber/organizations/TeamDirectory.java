package dev.limber.organizations;

import java.util.UUID;

import reactor.core.publisher.Flux;

/**
 * The organization's teams as SSO, SCIM or an admin made them. Read inside the caller's
 * tenant transaction.
 */
public interface TeamDirectory {

	/** Every team of the organization, by name. */
	Flux<TeamSummary> teams();

	/** The teams {@code member} belongs to right now. */
	Flux<UUID> teamsOf(UUID member);

	record TeamSummary(UUID id, String name, long members) {
	}

}
