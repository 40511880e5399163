package dev.limber.reporting.release;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.database.RepeatedWork;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.Headcounts;
import dev.limber.programs.ParticipationOutbox;

/**
 * Builds the release tables of recently closed weeks and months of every organization
 * with activity, soon after start and then periodically, so that HR rarely has to wait
 * for a build (a report asks for what is still missing itself).
 */
@Component
class ReleasePrebuilds implements DisposableBean {

	private static final Log logger = LogFactory.getLog(ReleasePrebuilds.class);

	private final DatabaseClient database;

	private final ReleaseBuilds builds;

	private final ParticipationOutbox outbox;

	private final ReleaseCalendar calendar;

	private final Headcounts headcounts;

	private final TransactionalOperator transactions;

	private final Duration interval;

	private final int weeks;

	private Disposable loop;

	ReleasePrebuilds(DatabaseClient database, ReleaseBuilds builds, ParticipationOutbox outbox,
			ReleaseCalendar calendar, Headcounts headcounts, TransactionalOperator transactions,
			@Value("${limber.reporting.release.prebuild-interval:1h}") Duration interval,
			@Value("${limber.reporting.release.prebuild-weeks:13}") int weeks) {
		this.database = database;
		this.builds = builds;
		this.outbox = outbox;
		this.calendar = calendar;
		this.headcounts = headcounts;
		this.transactions = transactions;
		this.interval = interval;
		this.weeks = weeks;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (this.interval.isZero() || this.weeks <= 0) {
			return;
		}
		this.loop = RepeatedWork.every(Duration.ofSeconds(30), this.interval, this::prebuildAll, logger,
				"Building release tables in the background failed; trying again later");
	}

	@Override
	public void destroy() {
		if (this.loop != null) {
			this.loop.dispose();
		}
	}

	/**
	 * Builds the recent closed periods of every organization with activity, one after the
	 * other; an organization whose events are still waiting in the outbox (a history
	 * being imported) is left for the next round, so nothing is frozen before it arrived.
	 */
	Mono<Void> prebuildAll() {
		Mono<Set<TenantId>> catchingUp = this.outbox.tenantsWithEvents().collect(HashSet::new, Set::add);
		return catchingUp
			.flatMap((skipped) -> this.database.sql("select tenant_id from reporting.tenants_with_activity()")
				.map((row, metadata) -> new TenantId(row.get("tenant_id", UUID.class)))
				.all()
				.filter((tenant) -> !skipped.contains(tenant))
				.collectList())
			.flatMapMany(Flux::fromIterable)
			.concatMap(this::prebuild)
			.then();
	}

	private Mono<Void> prebuild(TenantId tenant) {
		List<LocalDate> weeks = recentClosedWeeks();
		List<LocalDate> months = closedMonthsOf(weeks);
		return this.headcounts.minGroupSize()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(tenant))
			.flatMap((k) -> this.builds.build(tenant, "week", weeks, k)
				.then(this.builds.build(tenant, "month", months, k)));
	}

	private List<LocalDate> recentClosedWeeks() {
		List<LocalDate> weeks = new ArrayList<>();
		LocalDate week = ReleaseCalendar.week(this.calendar.today());
		for (int back = 0; back <= this.weeks; back++) {
			if (this.calendar.closed("week", week.minusWeeks(back))) {
				weeks.add(0, week.minusWeeks(back));
			}
		}
		return weeks;
	}

	private List<LocalDate> closedMonthsOf(List<LocalDate> weeks) {
		Set<LocalDate> months = new LinkedHashSet<>();
		weeks.forEach((week) -> months.add(ReleaseCalendar.monthOfWeek(week)));
		return months.stream().filter((month) -> this.calendar.closed("month", month)).toList();
	}

}
