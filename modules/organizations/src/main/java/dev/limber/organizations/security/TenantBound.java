package dev.limber.organizations.security;

import dev.limber.kernel.tenant.TenantId;

/**
 * An authentication that belongs to one organization without being a member, such as a
 * SCIM client.
 */
public interface TenantBound {

	TenantId tenant();

}
