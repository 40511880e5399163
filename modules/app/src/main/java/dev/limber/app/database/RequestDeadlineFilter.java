package dev.limber.app.database;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.limber.kernel.database.ConnectionPatience;
import dev.limber.kernel.database.DatabaseUnavailableException;
import dev.limber.kernel.database.Workload;

/**
 * Every request gets a deadline: when it passes, the server answers 503 with
 * {@code Retry-After} and cancels the request's database work, on the server too. The
 * same happens without an answer when the client goes away. Event streams (live
 * leaderboards) are meant to stay open: their deadline is for beginning to answer (the
 * sign-in and the first standing), and a longer one, since a browser never retries a
 * stream that got 503; until then they keep their place in the queue for pooled
 * connections ({@link ConnectionPatience}). Also puts the request's {@link Workload} in
 * the context, so reports draw from their own connection budget. Runs before security,
 * whose sign-in and token checks read the database too.
 */
@Component
class RequestDeadlineFilter implements WebFilter, Ordered {

	/** A timer of its own, so that busy shared schedulers cannot delay a deadline. */
	private static final Scheduler TIMER = Schedulers.newSingle("request-deadline", true);

	/**
	 * How long past its deadline a request whose transaction began to commit may take to
	 * answer with the commit's outcome; a frozen database still ends it then.
	 */
	static final Duration COMMIT_GRACE = Duration.ofSeconds(1);

	private final EventStreamRequests eventStreams;

	private final Duration deadline;

	private final Duration streamDeadline;

	RequestDeadlineFilter(EventStreamRequests eventStreams,
			@Value("${limber.web.request-deadline:10s}") Duration deadline,
			@Value("${limber.web.stream-open-deadline:30s}") Duration streamDeadline) {
		this.eventStreams = eventStreams;
		this.deadline = deadline;
		this.streamDeadline = streamDeadline;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Workload workload = isReport(exchange) ? Workload.REPORT : Workload.REQUEST;
		if (this.eventStreams.isEventStream(exchange)) {
			// no database work of the request: one breaker call lasting hours would hold
			// its permit
			return chain.filter(exchange)
				.timeout(beforeAnswering(exchange, this.streamDeadline, () -> false), failure(this.streamDeadline))
				.contextWrite(workload.asContext())
				.contextWrite(ConnectionPatience.lasting(this.streamDeadline));
		}
		// the reports' own budget running out says nothing about the database: it never
		// opens the breaker
		DatabaseWork work = new DatabaseWork(workload != Workload.REPORT);
		return chain.filter(exchange)
			// before the cancellation reaches the transaction, which then rolls back
			.doOnCancel(work::cancelRunningStatements)
			.timeout(beforeAnswering(exchange, this.deadline, work::hasBegunCommitting), failure(this.deadline))
			.doOnSuccess((done) -> work.finished(null))
			.doOnError(work::finished)
			.doOnCancel(work::abandoned)
			.contextWrite(workload.asContext())
			.contextWrite(DatabaseWork.with(work));
	}

	/**
	 * Passes at the deadline unless the answer has begun: that one is finished, since a
	 * client cut off there would read 200 with half a body. A request whose transaction
	 * began to commit gets {@link #COMMIT_GRACE} more: a 503 would tell the client that
	 * work which was done failed, and its retry would do it twice.
	 */
	private static Mono<Long> beforeAnswering(ServerWebExchange exchange, Duration deadline,
			BooleanSupplier committing) {
		AtomicBoolean answering = new AtomicBoolean();
		exchange.getResponse().beforeCommit(() -> {
			answering.set(true);
			return Mono.empty();
		});
		return Mono.delay(deadline, TIMER)
			.flatMap((tick) -> committing.getAsBoolean() ? Mono.delay(COMMIT_GRACE, TIMER) : Mono.just(tick))
			.filter((tick) -> !answering.get())
			.switchIfEmpty(Mono.never());
	}

	private static Mono<Void> failure(Duration deadline) {
		return Mono.error(() -> new DatabaseUnavailableException(
				"The request did not finish within its deadline of " + deadline.toMillis() + " ms"));
	}

	/** The HR reports API and the HR dashboard pages. */
	private static boolean isReport(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		return path.startsWith("/api/v1/reports/") || path.equals("/hr") || path.startsWith("/hr/");
	}

}
