package dev.limber.organizations.members;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.limber.organizations.directory.ClaimMapping;
import dev.limber.organizations.directory.Organization;

/**
 * Maps the claims of an ID or access token to Limber terms with the organization's claim
 * mapping. Claims may be a string or a list, depending on the identity provider.
 */
public final class ClaimsMapper {

	private ClaimsMapper() {
	}

	public static SignInClaims map(Organization organization, String issuer, String subject,
			Map<String, Object> claims) {
		ClaimMapping mapping = organization.claims();
		String name = string(claims, "name");
		return new SignInClaims(issuer, subject, string(claims, "email"),
				(name != null) ? name : string(claims, "preferred_username"), string(claims, mapping.department()),
				string(claims, mapping.location()), mapping.rolesFor(strings(claims, mapping.roles())),
				strings(claims, mapping.groups()), externalIds(subject, claims));
	}

	private static List<String> externalIds(String subject, Map<String, Object> claims) {
		String objectId = string(claims, "oid");
		return (objectId != null) ? List.of(subject, objectId) : List.of(subject);
	}

	public static List<String> strings(Map<String, Object> claims, String name) {
		Object value = claims.get(name);
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		if (value instanceof String single && !single.isBlank()) {
			return List.of(single);
		}
		return List.of();
	}

	static String string(Map<String, Object> claims, String name) {
		Object value = claims.get(name);
		return (value instanceof String text && !text.isBlank()) ? text : null;
	}

}
