package dev.limber.app.resilience;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Test-only routes whose statement takes as long as asked ({@code pg_sleep}), in a
 * transaction: a report's (the reports' connections), and an employee request's (the
 * requests' connections). Registered only by the tests that pass it as a source (it is no
 * component), so it never shows up in the API description of other tests.
 */
public class SlowStatements {

	static final String PATH = "/api/v1/reports/test-only-sleep";

	static final String REQUEST_PATH = "/api/v1/test-only-sleep";

	@Bean
	RouterFunction<ServerResponse> slowReport(DatabaseClient database, TransactionalOperator transactions) {
		return RouterFunctions.route(RequestPredicates.GET(PATH).or(RequestPredicates.GET(REQUEST_PATH)), (request) -> {
			double seconds = Double.parseDouble(request.queryParam("seconds").orElse("1"));
			return database.sql("select pg_sleep(:seconds)::text as slept")
				.bind("seconds", seconds)
				.map((row) -> "slept")
				.first()
				.as(transactions::transactional)
				.then(ServerResponse.ok().bodyValue(Map.of("slept", seconds)));
		});
	}

}
