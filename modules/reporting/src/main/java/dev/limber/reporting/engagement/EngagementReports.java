package dev.limber.reporting.engagement;

import java.time.LocalDate;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;

/**
 * Organization-wide program funnel and workstation checklist findings. Every count below
 * the organization's minimum group size is suppressed; shares are shown only for sections
 * with at least k respondents.
 */
@Service
public class EngagementReports {

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	EngagementReports(DatabaseClient database, TransactionalOperator transactions) {
		this.database = database;
		this.transactions = transactions;
	}

	public record Funnel(String program, Count enrolled, Count activeLast14Days, Count completed) {
	}

	public record Finding(String section, Count respondents, Double shareFailing) {
	}

	/** A count, or {@code suppressed} with no number. */
	public record Count(Long value, boolean suppressed) {

		static Count of(long value, int k) {
			return (value < k) ? new Count(null, true) : new Count(value, false);
		}

	}

	public Mono<List<Funnel>> funnel(CurrentMember analyst, LocalDate from, LocalDate to) {
		check(from, to);
		int k = analyst.minGroupSize();
		return this.database.sql("""
				select program,
				    count(*) filter (where enrolled_on between :from and :to) as enrolled,
				    count(*) filter (where enrolled_on <= :to and (pp.tenant_id, pp.pseudonym) in (
				        -- uncorrelated, so PostgreSQL reads the last two weeks once into a hash
				        -- instead of searching them again for every participant
				        select p.tenant_id, p.pseudonym from reporting.participant_day p
				        where p.day > current_date - 14)) as active,
				    count(*) filter (where completed_on between :from and :to) as completed
				from reporting.program_participant pp group by program order by program""")
			.bind("from", from)
			.bind("to", to)
			.map((row, metadata) -> new Funnel(row.get("program", String.class),
					Count.of(row.get("enrolled", Long.class), k), Count.of(row.get("active", Long.class), k),
					Count.of(row.get("completed", Long.class), k)))
			.all()
			.collectList()
			.as(this.transactions::transactional);
	}

	public Mono<List<Finding>> checklistFindings(CurrentMember analyst, LocalDate from, LocalDate to) {
		check(from, to);
		int k = analyst.minGroupSize();
		return this.database.sql("""
				select section, count(distinct pseudonym) as respondents,
				    count(distinct pseudonym) filter (where failed) as failing
				from reporting.checklist_answer_day where day between :from and :to
				group by section order by section""")
			.bind("from", from)
			.bind("to", to)
			.map((row, metadata) -> {
				long respondents = row.get("respondents", Long.class);
				long failing = row.get("failing", Long.class);
				Count count = Count.of(respondents, k);
				return new Finding(row.get("section", String.class), count,
						count.suppressed() ? null : Math.round(1000.0 * failing / respondents) / 1000.0);
			})
			.all()
			.collectList()
			.as(this.transactions::transactional);
	}

	private static void check(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw ApiException.badRequest("to must not be before from.");
		}
	}

}
