package dev.limber.organizations.audit;

import java.time.OffsetDateTime;

import dev.limber.kernel.problem.ApiException;

/**
 * Which audit entries to read: one action (exact name), and a time window [from, to).
 *
 * @param action such as {@code threshold.changed}; null for all
 */
record AuditFilter(String action, OffsetDateTime from, OffsetDateTime to) {

	AuditFilter {
		if (action != null && !action.matches("[a-z0-9.-]{1,100}")) {
			throw ApiException
				.badRequest("action must be an action name such as threshold.changed (a-z, 0-9, '.', '-')");
		}
		if (from != null && to != null && !from.isBefore(to)) {
			throw ApiException.badRequest("from must be before to");
		}
	}

}
