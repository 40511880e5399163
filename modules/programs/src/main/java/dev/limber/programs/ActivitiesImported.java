package dev.limber.programs;

import java.time.ZoneId;

import dev.limber.kernel.tenant.TenantId;

/** Published after activities were recorded in bulk (the development demo history), once committed. */
/**
 * @param zone the organization's time zone
 */
public record ActivitiesImported(TenantId organization, ZoneId zone) {
}
