package dev.limber.organizations.directory;

import dev.limber.kernel.tenant.TenantId;

/**
 * Published after an organization's settings changed, so caches built from them are
 * dropped.
 */
public record OrganizationChanged(TenantId organization) {
}
