package dev.limber.organizations.members;

import java.util.List;
import java.util.Set;

import dev.limber.organizations.Role;

/** What an identity provider says about a member at sign-in, already mapped to Limber terms. */
/**
 * @param externalIds ids a SCIM client may have provisioned this person under before
 * their first sign-in: the subject (Okta) and the directory object id (Entra ID's
 * {@code oid})
 */
public record SignInClaims(String issuer, String subject, String email, String displayName, String department,
		String location, Set<Role> roles, List<String> teams, List<String> externalIds) {

	public SignInClaims {
		teams = teams.stream().filter((team) -> !team.isBlank()).distinct().sorted().toList();
	}

	/** Entra ID's directory object id ({@code oid}), if the token carries one. */
	public String objectId() {
		return (this.externalIds.size() > 1) ? this.externalIds.get(1) : null;
	}

}
