package dev.limber.app.privacy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.privacy.PersonalData;
import dev.limber.organizations.CurrentMember;

/**
 * An employee's data rights across every module: one export with everything, and one
 * erasure in a single transaction, so it happens completely or not at all.
 */
@Service
class MyData {

	private final List<PersonalData> holders;

	private final TransactionalOperator transactions;

	private final Clock clock;

	MyData(List<PersonalData> holders, TransactionalOperator transactions, Clock clock) {
		this.clock = clock;
		this.holders = holders;
		this.transactions = transactions;
	}

	Mono<Map<String, Object>> export(CurrentMember member) {
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("exportedAt", OffsetDateTime.now(this.clock).toString());
		export.put("organization", member.organizationSlug());
		export.put("memberId", member.memberId());
		return Flux.fromIterable(this.holders)
			.concatMap((holder) -> holder.export(member.tenant(), member.memberId())
				.map((data) -> Map.entry(holder.section(), data)))
			.collectList()
			.as(this.transactions::transactional)
			.map((sections) -> {
				sections.forEach((section) -> export.put(section.getKey(), section.getValue()));
				return export;
			});
	}

	Mono<Void> erase(CurrentMember member) {
		// No module references another's rows, so order does not matter; the transaction
		// makes it all or nothing.
		return Flux.fromIterable(this.holders)
			.concatMap((holder) -> holder.erase(member.tenant(), member.memberId()))
			.then()
			.as(this.transactions::transactional);
	}

}
