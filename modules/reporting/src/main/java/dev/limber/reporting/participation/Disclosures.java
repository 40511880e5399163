package dev.limber.reporting.participation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.Headcounts;

/**
 * The anonymity rules every HR report shares (docs/privacy.md): who is eligible, the
 * remainder rule for filters, and the overlap rule over populations already released for
 * overlapping periods, whichever report released them.
 */
@Component
public class Disclosures {

	private final DatabaseClient database;

	private final Headcounts headcounts;

	Disclosures(DatabaseClient database, Headcounts headcounts) {
		this.database = database;
		this.headcounts = headcounts;
	}

	/** Active members as department × location atoms, read in the caller's transaction. */
	public Mono<Population> population() {
		return this.headcounts.activeByDepartmentAndLocation()
			.collectMap((headcount) -> Population.atom(headcount.department(), headcount.location()),
					Headcounts.Headcount::members)
			.map(Population::new);
	}

	/** A filter is refused when the rest of the organization is smaller than k. */
	public void checkRemainder(ReportRequest request, Population population, int k) {
		if (!request.filtered()) {
			return;
		}
		long rest = population.total() - population.size(population.matching(request.department(), request.location()));
		if (rest > 0 && rest < k) {
			throw ApiException.unprocessable("This filter leaves fewer than " + k
					+ " people in the rest of the organization, so the organization total would reveal them.",
					"problem.detail.small-remainder", k);
		}
	}

	/**
	 * Refuses when a population to be shown differs by fewer than k people from one already
	 * released for overlapping periods; otherwise records the populations shown.
	 */
	public Mono<Void> checkOverlapAndRecord(ReportRequest request, Collection<Set<String>> shown, Population population,
			int k) {
		return released(request).collectList().flatMap((earlier) -> {
			// a population released before and shown again is one population, compared once
			Set<Set<String>> all = new LinkedHashSet<>(earlier);
			all.addAll(shown);
			for (Set<String> candidate : shown) {
				for (Set<String> other : all) {
					long difference = population.sizeOfDifference(candidate, other);
					if (difference > 0 && difference < k) {
						return Mono.error(ApiException.unprocessable("This report would show a group that differs by fewer than "
								+ k + " people from a group already reported for these periods.",
								"problem.detail.small-difference", k));
					}
				}
			}
			return record(request, shown);
		});
	}

	private Flux<Set<String>> released(ReportRequest request) {
		return this.database.sql("""
				select atoms from reporting.released_population
				where first_period <= :last and last_period >= :first""")
			.bind("first", request.first())
			.bind("last", request.last())
			.map((row, metadata) -> (Set<String>) new TreeSet<>(List.of(row.get("atoms", String[].class))))
			.all();
	}

	/** Records every shown population in one statement: atoms flattened, each tagged with its population. */
	private Mono<Void> record(ReportRequest request, Collection<Set<String>> shown) {
		if (shown.isEmpty()) {
			return Mono.empty();
		}
		List<String> atoms = new ArrayList<>();
		List<Integer> populations = new ArrayList<>();
		int population = 0;
		for (Set<String> members : shown) {
			for (String atom : new TreeSet<>(members)) {
				atoms.add(atom);
				populations.add(population);
			}
			population++;
		}
		return this.database.sql("""
				insert into reporting.released_population (tenant_id, atoms, first_period, last_period)
				select nullif(current_setting('app.tenant_id', true), '')::uuid, array_agg(atom order by position),
				    :first, :last
				from unnest(:atoms::text[], :populations::int[]) with ordinality as shown(atom, population, position)
				group by population
				on conflict do nothing""")
			.bind("atoms", atoms.toArray(String[]::new))
			.bind("populations", populations.toArray(Integer[]::new))
			.bind("first", request.first())
			.bind("last", request.last())
			.then();
	}

}
