package dev.limber.kernel.privacy;

import java.util.UUID;

import reactor.core.publisher.Mono;

import dev.limber.kernel.tenant.TenantId;

/**
 * Implemented by every module that keeps data about a member, so the member can download
 * all of it and delete all of it. Both run inside the member's tenant transaction.
 */
public interface PersonalData {

	/** The name of this part of the export, for example {@code "activities"}. */
	String section();

	/** Everything this module holds about the member, as JSON-serializable values. */
	Mono<Object> export(TenantId tenant, UUID member);

	/**
	 * Deletes the member's data. What reporting needs stays only in anonymous form: no
	 * row may still point to the member afterwards.
	 */
	Mono<Void> erase(TenantId tenant, UUID member);

}
