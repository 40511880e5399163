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
 * A test-only report route whose statement takes as long as asked ({@code pg_sleep}), in
 * a transaction like a real report. Registered only by the tests that pass it as a source
 * (it is no component), so it never shows up in the API description of other tests.
 */
public class SlowStatements {

	static final String PATH = "/api/v1/reports/test-only-sleep";

	@Bean
	RouterFunction<ServerResponse> slowReport(DatabaseClient database, TransactionalOperator transactions) {
		return RouterFunctions.route(RequestPredicates.GET(PATH), (request) -> {
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
