package dev.limber.organizations;

import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * The organization's audit trail: security-relevant admin actions and every report
 * release or refusal. Written inside the caller's tenant transaction, so an entry exists
 * exactly when the action it records committed. Org admins and operators read and export
 * it.
 */
public interface AuditTrail {

	/**
	 * Records one entry for the transaction's organization.
	 * @param actor the member (or SCIM client, or operator) who acted; null for the
	 * system
	 * @param action a dotted name such as {@code settings.changed} or
	 * {@code report.released}
	 * @param subject what it acted on, such as a report name or a team id
	 * @param details what changed, as a small JSON-serializable map (never personal
	 * figures)
	 */
	Mono<Void> record(UUID actor, String action, String subject, Map<String, ?> details);

}
