package dev.limber.app.database;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import dev.limber.kernel.database.DatabaseUnavailableException;

/**
 * The deadline ends requests that have not begun to answer; one whose answer has begun
 * (its status and headers sent) is let finish, since a client cut off there would read a
 * success with half a body for work that was done. One whose transaction began to commit
 * gets a short grace to answer with the commit's outcome. Event streams are the GETs that
 * ask for one and that a handler producing one answers.
 */
class RequestDeadlineFilterTests {

	private static final Duration DEADLINE = Duration.ofMillis(200);

	private static final Duration STREAM_DEADLINE = DEADLINE.multipliedBy(2);

	private final RequestDeadlineFilter filter = new RequestDeadlineFilter(
			new EventStreamRequests(handlers(Handlers.class)), DEADLINE, STREAM_DEADLINE);

	/** A JSON read and a live view, as the challenges module declares them. */
	@RestController
	static class Handlers {

		@GetMapping("/api/v1/me")
		Mono<String> me() {
			return Mono.just("{}");
		}

		@GetMapping(path = "/api/v1/challenges/{id}/leaderboard", produces = MediaType.APPLICATION_JSON_VALUE)
		Mono<String> leaderboard() {
			return Mono.just("{}");
		}

		@GetMapping(path = "/api/v1/challenges/{id}/leaderboard", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> live() {
			return Flux.never();
		}

	}

	@Test
	void aRequestThatHasNotBegunToAnswerEndsAtTheDeadline() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/activities"));
		StepVerifier.create(this.filter.filter(exchange, (ignored) -> Mono.delay(DEADLINE.multipliedBy(5)).then()))
			.expectError(DatabaseUnavailableException.class)
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void anAnswerThatHasBegunIsNotCutOffAtTheDeadline() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/activities"));
		Flux<DataBuffer> slowBody = Flux.concat(Mono.just(buffer("{\"id\":")),
				Mono.delay(DEADLINE.multipliedBy(3)).map((tick) -> buffer("1}")));
		StepVerifier.create(this.filter.filter(exchange, (ignored) -> exchange.getResponse().writeWith(slowBody)))
			.verifyComplete();
		StepVerifier.create(exchange.getResponse().getBodyAsString()).expectNext("{\"id\":1}").verifyComplete();
	}

	@Test
	void aRequestWhoseCommitBeganBeforeTheDeadlineAnswersWithTheCommitsOutcome() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/activities"));
		StepVerifier
			.create(this.filter.filter(exchange,
					(ignored) -> committing(DEADLINE.plus(RequestDeadlineFilter.COMMIT_GRACE.dividedBy(2)))))
			.verifyComplete();
	}

	@Test
	void aCommitThatOutlastsItsGraceStillEndsTheRequest() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/activities"));
		StepVerifier
			.create(this.filter.filter(exchange,
					(ignored) -> committing(DEADLINE.plus(RequestDeadlineFilter.COMMIT_GRACE.multipliedBy(3)))))
			.expectError(DatabaseUnavailableException.class)
			.verify(Duration.ofSeconds(5));
	}

	/** A transaction that begins to commit at once and takes {@code duration}. */
	private static Mono<Void> committing(Duration duration) {
		return Mono.deferContextual((context) -> {
			DatabaseWork.current(context).orElseThrow().beganCommitting();
			return Mono.delay(duration).then();
		});
	}

	@Test
	void aStreamThatHasNotBegunToAnswerEndsAtItsOwnLongerDeadline() {
		MockServerWebExchange exchange = MockServerWebExchange.from(stream());
		StepVerifier.create(this.filter.filter(exchange, (ignored) -> Mono.delay(DEADLINE.multipliedBy(5)).then()))
			.expectSubscription()
			.expectNoEvent(STREAM_DEADLINE.minusMillis(50))
			.expectError(DatabaseUnavailableException.class)
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void aStreamThatHasBegunStaysOpenPastEveryDeadline() {
		MockServerWebExchange exchange = MockServerWebExchange.from(stream());
		Flux<DataBuffer> events = Flux.concat(Mono.just(buffer("data: 1\n\n")),
				Mono.delay(STREAM_DEADLINE.multipliedBy(3)).map((tick) -> buffer("data: 2\n\n")));
		StepVerifier.create(this.filter.filter(exchange, (ignored) -> exchange.getResponse().writeWith(events)))
			.verifyComplete();
		StepVerifier.create(exchange.getResponse().getBodyAsString())
			.expectNext("data: 1\n\ndata: 2\n\n")
			.verifyComplete();
	}

	@Test
	void aWriteAskingForAnEventStreamStillEndsAtTheRequestDeadline() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post("/api/v1/activities").accept(MediaType.TEXT_EVENT_STREAM));
		StepVerifier.create(this.filter.filter(exchange, (ignored) -> Mono.delay(DEADLINE.multipliedBy(5)).then()))
			.expectSubscription()
			.expectError(DatabaseUnavailableException.class)
			.verify(STREAM_DEADLINE.minusMillis(50));
	}

	@Test
	void aReadThatIsNoStreamEndsAtTheRequestDeadlineWhateverItAsksFor() {
		for (MockServerHttpRequest read : new MockServerHttpRequest[] {
				MockServerHttpRequest.get("/api/v1/me").accept(MediaType.TEXT_EVENT_STREAM).build(),
				MockServerHttpRequest.get("/api/v1/challenges/1/leaderboard").accept(MediaType.ALL).build(),
				MockServerHttpRequest.get("/api/v1/challenges/1/leaderboard").build() }) {
			MockServerWebExchange exchange = MockServerWebExchange.from(read);
			StepVerifier.create(this.filter.filter(exchange, (ignored) -> Mono.delay(DEADLINE.multipliedBy(5)).then()))
				.expectSubscription()
				.expectError(DatabaseUnavailableException.class)
				.verify(STREAM_DEADLINE.minusMillis(50));
		}
	}

	/** WebFlux's own mapping of the given controllers, as the application builds it. */
	private static RequestMappingHandlerMapping handlers(Class<?> controllers) {
		StaticApplicationContext context = new StaticApplicationContext();
		context.registerSingleton("controllers", controllers);
		context.refresh();
		RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
		mapping.setApplicationContext(context);
		mapping.afterPropertiesSet();
		return mapping;
	}

	private static MockServerHttpRequest stream() {
		return MockServerHttpRequest.get("/api/v1/challenges/1/leaderboard")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.build();
	}

	private static DataBuffer buffer(String text) {
		return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
	}

}
