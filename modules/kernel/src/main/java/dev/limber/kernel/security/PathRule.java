package dev.limber.kernel.security;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * Who may reach some paths of one surface: everyone, members with one of some roles, or
 * holders of an authority. A module publishes its rules through {@link PathRules}.
 *
 * @param method the HTTP method the rule is for, or null for every method
 * @param grants the roles or the authority the access names (none for
 * {@link Access#EVERYONE})
 */
public record PathRule(Surface surface, HttpMethod method, List<String> paths, Access access, List<String> grants) {

	/**
	 * The JSON API (bearer tokens, under /api/) or the portal's pages (session sign-in).
	 */
	public enum Surface {

		API, PORTAL

	}

	public enum Access {

		EVERYONE, ANY_ROLE, AUTHORITY

	}

	public static PathRule everyone(Surface surface, HttpMethod method, String... paths) {
		return new PathRule(surface, method, List.of(paths), Access.EVERYONE, List.of());
	}

	public static PathRule anyRole(Surface surface, List<String> roles, String... paths) {
		return new PathRule(surface, null, List.of(paths), Access.ANY_ROLE, List.copyOf(roles));
	}

	public static PathRule authority(Surface surface, String authority, String... paths) {
		return new PathRule(surface, null, List.of(paths), Access.AUTHORITY, List.of(authority));
	}

}
