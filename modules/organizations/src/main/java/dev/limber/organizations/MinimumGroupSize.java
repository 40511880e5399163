package dev.limber.organizations;

import reactor.core.publisher.Mono;

import dev.limber.kernel.tenant.TenantId;

/**
 * The organization's minimum group size (k), read from the organization each time it is
 * asked, so a raised threshold applies to the very next figure, never one kept from
 * before.
 */
public interface MinimumGroupSize {

	Mono<Integer> of(TenantId organization);

}
