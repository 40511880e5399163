package dev.limber.programs.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;
import dev.limber.programs.ParticipationEvent;
import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.catalog.Program;
import dev.limber.programs.catalog.ProgramDay;
import dev.limber.programs.catalog.ProgramWeek;
import dev.limber.programs.catalog.RoutineDurations;
import dev.limber.programs.outbox.OutboxWriter;
import dev.limber.programs.screening.ScreeningStore;

/**
 * Enrolling in multi-week programs, today's plan, streaks and completion. Reading today's
 * plan writes nothing: a program whose last day has passed shows as finished, and it is
 * completed (with its event) by the member's next write, logging an activity or enrolling
 * again.
 */
@Service
public class Programs {

	private static final int STREAK_LOOKBACK_DAYS = 400;

	private final EnrollmentStore store;

	private final ScreeningStore screening;

	private final Catalog catalog;

	private final TransactionalOperator transactions;

	private final OutboxWriter outbox;

	private final Clock clock;

	Programs(EnrollmentStore store, ScreeningStore screening, Catalog catalog, TransactionalOperator transactions,
			Clock clock, OutboxWriter outbox) {
		this.clock = clock;
		this.outbox = outbox;
		this.store = store;
		this.screening = screening;
		this.catalog = catalog;
		this.transactions = transactions;
	}

	/** Enrolls after the safety screening; one active program at a time. */
	public Mono<Enrollment> enroll(CurrentMember member, String programSlug) {
		Program program = this.catalog.program(programSlug)
			.orElseThrow(() -> ApiException.unprocessable("program: no program '" + programSlug + "'."));
		LocalDate today = LocalDate.now(this.clock.withZone(member.zone()));
		return this.screening.acknowledgedAt(member.memberId())
			.switchIfEmpty(Mono.error(
					() -> ApiException.conflict("Please read the safety screening and confirm it before you enroll.")))
			.then(completeIfOver(member, today))
			.then(this.store.insert(member.tenant(), member.memberId(), program.slug(), today))
			.flatMap((enrollment) -> this.outbox
				.publish(member.tenant(),
						new ParticipationEvent.EnrollmentCreated(member.memberId(), member.department(),
								member.location(), program.slug(), member.zone().getId()))
				.thenReturn(enrollment))
			.onErrorMap(DuplicateKeyException.class,
					(ex) -> ApiException.conflict("You are already enrolled in a program; leave it first."))
			.as(this.transactions::transactional);
	}

	public Mono<Void> leave(CurrentMember member) {
		return this.store.active(member.memberId())
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Enrollment")))
			.flatMap((enrollment) -> this.store.finish(enrollment.id(), "left"))
			.then()
			.as(this.transactions::transactional);
	}

	public Mono<TodayPlan> today(CurrentMember member) {
		LocalDate today = LocalDate.now(this.clock.withZone(member.zone()));
		Mono<Integer> streak = this.store
			.activeDays(member.memberId(), member.zone(),
					OffsetDateTime.now(this.clock).minusDays(STREAK_LOOKBACK_DAYS))
			.map((days) -> Streaks.current(days, today));
		Mono<List<String>> done = this.store.routinesDoneOn(member.memberId(), member.zone(), today);
		return this.store.active(member.memberId())
			.flatMap((enrollment) -> Mono.zip(streak, done)
				.flatMap((facts) -> planFor(member, enrollment, today, facts.getT1(), facts.getT2())))
			.switchIfEmpty(streak
				.map((days) -> new TodayPlan(null, null, 0, 0, false, null, List.of(), List.of(), days, false)))
			.as(this.transactions::transactional);
	}

	/**
	 * Completes the member's program if its last day has passed, with its event; the
	 * caller's transaction holds the write. Completing twice changes nothing.
	 */
	Mono<Void> completeIfOver(CurrentMember member, LocalDate today) {
		return this.store.active(member.memberId())
			.filter((enrollment) -> ChronoUnit.DAYS.between(enrollment.startedOn(), today) >= lengthInDays(enrollment))
			.flatMap((enrollment) -> this.store.finish(enrollment.id(), "completed")
				.filter((finished) -> finished > 0)
				.flatMap((finished) -> this.outbox.publish(member.tenant(),
						new ParticipationEvent.ProgramCompleted(member.memberId(), member.department(),
								member.location(), enrollment.programSlug(), member.zone().getId()))))
			.then();
	}

	Mono<Void> completeIfOver(CurrentMember member) {
		return completeIfOver(member, LocalDate.now(this.clock.withZone(member.zone())));
	}

	private long lengthInDays(Enrollment enrollment) {
		return this.catalog.program(enrollment.programSlug())
			.orElseThrow()
			.weeks()
			.stream()
			.mapToLong((week) -> week.days().size())
			.sum();
	}

	private Mono<TodayPlan> planFor(CurrentMember member, Enrollment enrollment, LocalDate today, int streak,
			List<String> done) {
		Program program = this.catalog.program(enrollment.programSlug()).orElseThrow();
		List<ProgramDay> days = program.weeks().stream().flatMap((week) -> week.days().stream()).toList();
		int index = (int) ChronoUnit.DAYS.between(enrollment.startedOn(), today);
		if (index >= days.size()) {
			return Mono.just(new TodayPlan(program.slug(), program.name(), 0, 0, false, null, List.of(), List.of(),
					streak, true));
		}
		ProgramDay day = days.get(index);
		ProgramWeek week = program.weeks().get(index / 7);
		List<TodayPlan.PlannedRoutine> routines = day.routines()
			.stream()
			.map((slug) -> week.dosed(this.catalog.routine(slug).orElseThrow()))
			.map((routine) -> new TodayPlan.PlannedRoutine(routine.slug(), routine.name(),
					RoutineDurations.totalSeconds(routine, this.catalog), done.contains(routine.slug())))
			.toList();
		return Mono.just(new TodayPlan(program.slug(), program.name(), index / 7 + 1, index % 7 + 1,
				day.routines().isEmpty(), day.note(), routines, dosesOf(week), streak, false));
	}

	private List<TodayPlan.Dose> dosesOf(ProgramWeek week) {
		return week.doses()
			.stream()
			.map((dose) -> new TodayPlan.Dose(dose.exercise(),
					this.catalog.exercise(dose.exercise()).orElseThrow().name(), dose.holdSeconds(), dose.reps(),
					dose.sets()))
			.toList();
	}

}
