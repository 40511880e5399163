package dev.limber.organizations.directory;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.limber.organizations.Role;

/**
 * Which token claims carry a member's department, location, teams and roles, and which
 * claim values mean which Limber role. Identity providers name these differently.
 *
 * @param roleValues for each role, the values of the roles claim that grant it
 */
public record ClaimMapping(String department, String location, String groups, String roles,
		Map<Role, List<String>> roleValues) {

	public static ClaimMapping defaults() {
		return new ClaimMapping("department", "location", "groups", "roles", Map.of(Role.TEAM_LEAD,
				List.of("team-lead"), Role.HR_ANALYST, List.of("hr-analyst"), Role.ORG_ADMIN, List.of("org-admin")));
	}

	/** Every member is an employee; other roles come from the mapped claim values. */
	public Set<Role> rolesFor(Collection<String> claimValues) {
		Set<Role> granted = EnumSet.of(Role.EMPLOYEE);
		this.roleValues.forEach((role, values) -> {
			if (values.stream().anyMatch(claimValues::contains)) {
				granted.add(role);
			}
		});
		return granted;
	}

}
