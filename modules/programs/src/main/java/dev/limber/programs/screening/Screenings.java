package dev.limber.programs.screening;

import java.time.OffsetDateTime;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.organizations.CurrentMember;

/**
 * The safety screening a member confirms before their first program or routine. Only the
 * fact and date of the confirmation are kept, never which warning signs apply.
 */
@Service
public class Screenings {

	private final ScreeningStore store;

	private final TransactionalOperator transactions;

	Screenings(ScreeningStore store, TransactionalOperator transactions) {
		this.store = store;
		this.transactions = transactions;
	}

	/** When the member confirmed the screening; empty if they have not. */
	public Mono<OffsetDateTime> acknowledgedAt(CurrentMember member) {
		return this.store.acknowledgedAt(member.memberId()).as(this.transactions::transactional);
	}

	/** Records that none of the warning signs applies; emits when, as stored. */
	public Mono<OffsetDateTime> acknowledge(CurrentMember member) {
		return this.store.acknowledge(member.tenant(), member.memberId())
			.then(this.store.acknowledgedAt(member.memberId()))
			.as(this.transactions::transactional);
	}

}
