package dev.limber.bench.tenants;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.limber.bench.data.Onboarding;
import dev.limber.bench.data.Tenant;
import dev.limber.bench.system.Issuer;

/**
 * Many organizations on one instance: onboards them through the operator API (the same
 * validation, transaction and audit as an operator's call), several at a time, and then
 * times the first API call of organizations nobody has used yet, which must build their
 * token verifier (OIDC discovery and key set) and sign the member in.
 */
public final class ManyTenants {

	/** Onboarding calls in flight at once, as an operator's import script would send. */
	private static final int PARALLEL = 8;

	private final String appUrl;

	private final Issuer issuer;

	private final HttpClient http = HttpClient.newHttpClient();

	public ManyTenants(String appUrl, Issuer issuer) {
		this.appUrl = appUrl;
		this.issuer = issuer;
	}

	/** Onboards {@code count} organizations named tenant-00000 and on. */
	public List<Tenant> onboard(int count) throws Exception {
		Onboarding onboarding = new Onboarding(this.appUrl, this.issuer);
		ExecutorService workers = Executors.newFixedThreadPool(PARALLEL);
		List<Future<Tenant>> running = new ArrayList<>();
		try {
			for (int n = 0; n < count; n++) {
				String slug = "tenant-%05d".formatted(n);
				String name = "Tenant %05d".formatted(n);
				running.add(workers.submit(() -> onboarding.onboard(slug, name)));
			}
			List<Tenant> tenants = new ArrayList<>();
			for (Future<Tenant> tenant : running) {
				tenants.add(tenant.get());
			}
			return tenants;
		}
		finally {
			workers.shutdownNow();
		}
	}

	/**
	 * The first call of a new member to {@code GET /api/v1/me} in each of {@code probes}
	 * organizations spread over {@code tenants}, one after the other.
	 * @return each call's time in milliseconds, sorted
	 */
	public List<Double> coldFirstCalls(List<Tenant> tenants, int probes) throws IOException, InterruptedException {
		List<Double> millis = new ArrayList<>();
		int step = Math.max(1, tenants.size() / probes);
		for (int n = 0; n < tenants.size() && millis.size() < probes; n += step) {
			Tenant tenant = tenants.get(n);
			// the token is made before the clock starts: only the app's work is timed
			String token = this.issuer.token(tenant.slug(), "first-member", tenant.audience(),
					Map.of("department", "Engineering", "location", "Berlin", "name", "First member"),
					Duration.ofHours(1));
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.appUrl + "/api/v1/me"))
				.header("Authorization", "Bearer " + token)
				.build();
			long start = System.nanoTime();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			double took = (System.nanoTime() - start) / 1e6;
			if (response.statusCode() != 200) {
				throw new IllegalStateException("First call of " + tenant.slug() + " answered " + response.statusCode()
						+ ": " + response.body());
			}
			millis.add(took);
		}
		Collections.sort(millis);
		return millis;
	}

}
