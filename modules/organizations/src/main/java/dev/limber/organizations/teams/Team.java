package dev.limber.organizations.teams;

import java.util.UUID;

/**
 * A team: from SSO group claims ({@code sso}), SCIM groups ({@code scim}) or created by
 * an admin ({@code manual}).
 */
public record Team(UUID id, String name, String source, String externalId, long members) {
}
