package dev.limber.bench.load;

import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One closed-model load step (Gatling Java DSL): each virtual user keeps one connection
 * and sends the step's request back to back. A POST carries a fresh Idempotency-Key every
 * time. Response time and status of every request go to the step's recorder.
 */
public class RequestSimulation extends Simulation {

	public RequestSimulation() {
		LoadStep step = LoadStep.current();
		AtomicLong next = new AtomicLong();
		Iterator<Map<String, Object>> credentials = Stream
			.generate(() -> Map.<String, Object>of("credential",
					step.tokens().get((int) (next.getAndIncrement() % step.tokens().size()))))
			.iterator();
		HttpRequestActionBuilder request = ("POST".equals(step.method()) ? http("request").post(step.path())
			.header("Idempotency-Key", (session) -> UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.body(StringBody(step.body())) : http("request").get(step.path()))
			.header(step.cookieSession() ? "Cookie" : "Authorization",
					step.cookieSession() ? "#{credential}" : "Bearer #{credential}")
			.check(status().saveAs("status"), responseTimeInMillis().saveAs("rt"));
		ChainBuilder loop = exec(request).exec((session) -> {
			Integer code = session.contains("status") ? session.getInt("status") : null;
			long millis = session.contains("rt") ? session.getLong("rt") : 0;
			step.recorder().record(millis, code != null && code >= 200 && code < 300);
			return session.remove("status").remove("rt").markAsSucceeded();
		});
		ScenarioBuilder users = scenario("load").exec(feed(credentials)).during(step.total()).on(loop);
		setUp(users.injectOpen(atOnceUsers(step.users())))
			.protocols(http.baseUrl(step.baseUrl()).disableCaching().disableWarmUp());
	}

	/**
	 * The warm-up and the measured window count from here: Gatling's own start-up may
	 * take seconds on a busy machine.
	 */
	@Override
	public void before() {
		LoadStep.started();
	}

}
