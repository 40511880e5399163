package dev.limber.app.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/** The business counters the Grafana dashboard shows move with what people do. */
class BusinessMetricsTests extends LimberIntegrationTest {

	@Test
	void portalSignInsAreCounted() {
		TestOrganization organization = onboard("counted");
		double before = metric("limber_signins_total", "outcome=\"succeeded\"");
		BrowserSession.signIn(this.http, organization, "sam", Map.of("name", "Sam"));
		assertThat(metric("limber_signins_total", "outcome=\"succeeded\"")).isEqualTo(before + 1);
	}

	@Test
	void activitiesAreCountedOnceEvenWhenTheirIdempotencyKeyIsReplayed() {
		TestOrganization organization = onboard("active");
		String token = organization.employee("ari");
		double before = metric("limber_activities_logged_total", "");
		for (int attempt = 0; attempt < 2; attempt++) {
			this.http.post()
				.uri("/api/v1/activities")
				.headers((headers) -> headers.setBearerAuth(token))
				.header("Idempotency-Key", "once")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("routine", "desk-reset-5-min", "durationSeconds", 300))
				.exchange()
				.expectStatus()
				.is2xxSuccessful();
		}
		assertThat(metric("limber_activities_logged_total", "")).isEqualTo(before + 1);
	}

	/** The value of a Prometheus sample whose labels contain {@code label}. */
	private double metric(String name, String label) {
		String scrape = scrapeMetrics();
		Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
		while (sample.find()) {
			if (sample.group(1).contains(label)) {
				return Double.parseDouble(sample.group(2));
			}
		}
		return 0;
	}

	@Test
	void outboxLagIsExposedAsAMetric() {
		String metrics = scrapeMetrics();
		assertThat(metrics).contains("limber_reporting_outbox_pending").contains("limber_reporting_outbox_lag_seconds");
	}

}
