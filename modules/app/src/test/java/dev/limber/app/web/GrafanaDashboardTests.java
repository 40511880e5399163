package dev.limber.app.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.limber.app.support.LimberIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every metric the Grafana dashboard queries is one Limber really exposes. */
class GrafanaDashboardTests extends LimberIntegrationTest {

	static final Path DASHBOARD = Path.of("../../infra/grafana/limber-dashboard.json");

	@Test
	void everyQueriedMetricIsExposedAtTheScrapeEndpoint() throws IOException {
		this.http.get().uri("/api/v1/me").exchange();
		String scrape = scrapeMetrics();
		Set<String> queried = queriedMetrics(Files.readString(DASHBOARD));
		assertThat(queried).contains("http_server_requests_seconds_bucket", "r2dbc_pool_acquired_connections",
				"limber_challenges_sse_subscribers", "limber_reporting_outbox_lag_seconds", "limber_signins_total",
				"limber_activities_logged_total");
		for (String metric : queried) {
			assertThat(scrape).as(metric).containsPattern("(?m)^" + metric + "\\{[^}]*application=\"limber\"");
		}
	}

	/**
	 * Metric names in the dashboard's PromQL: a name directly followed by its label
	 * selector.
	 */
	private static Set<String> queriedMetrics(String dashboard) {
		Set<String> names = new TreeSet<>();
		Matcher expression = Pattern.compile("\"(?:expr|definition)\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(dashboard);
		while (expression.find()) {
			Matcher name = Pattern.compile("([a-z_][a-z0-9_]*)\\{").matcher(expression.group(1));
			while (name.find()) {
				names.add(name.group(1));
			}
		}
		return names;
	}

}
