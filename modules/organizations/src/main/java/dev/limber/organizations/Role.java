package dev.limber.organizations;

/** What a member may do inside their organization. Every member is an EMPLOYEE. */
public enum Role {

	EMPLOYEE, TEAM_LEAD, HR_ANALYST, ORG_ADMIN;

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
