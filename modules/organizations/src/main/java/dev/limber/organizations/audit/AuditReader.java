package dev.limber.organizations.audit;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;

/**
 * Pages and exports an organization's audit trail, in a transaction bound to that
 * organization.
 */
@Service
class AuditReader {

	static final int MAX_PAGE_SIZE = 200;

	/** An export is one statement; past this many entries, narrow the time window. */
	static final int MAX_EXPORT = 100_000;

	private final AuditEntries entries;

	private final TransactionalOperator transactions;

	private final ObjectMapper json;

	AuditReader(AuditEntries entries, TransactionalOperator transactions, ObjectMapper json) {
		this.entries = entries;
		this.transactions = transactions;
		this.json = json;
	}

	/** A page of entries, newest first. */
	record AuditPage(List<AuditEntries.Entry> entries, int page, int size, boolean hasMore) {
	}

	Mono<AuditPage> page(TenantId organization, AuditFilter filter, int page, int size) {
		if (page < 0 || page > 10_000 || size < 1 || size > MAX_PAGE_SIZE) {
			return Mono.error(ApiException.badRequest("page must be 0..10000 and size 1.." + MAX_PAGE_SIZE));
		}
		return this.entries.find(filter, page * size, size + 1)
			.collectList()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(organization))
			.map((found) -> new AuditPage(found.subList(0, Math.min(size, found.size())), page, size,
					found.size() > size));
	}

	/** The CSV export: a header, then one line per entry. */
	Flux<String> csv(TenantId organization, AuditFilter filter) {
		return Flux.just(AuditCsv.HEADER)
			.concatWith(this.entries.find(filter, 0, MAX_EXPORT)
				.map((entry) -> AuditCsv.line(entry, this.json))
				.as(this.transactions::transactional)
				.contextWrite(TenantContext.with(organization)));
	}

}
