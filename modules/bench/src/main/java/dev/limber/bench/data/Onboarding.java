package dev.limber.bench.data;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.limber.bench.system.Issuer;

/** Onboards organizations through the operator API, as a platform operator would. */
public final class Onboarding {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private final Issuer issuer;

	public Onboarding(String baseUrl, Issuer issuer) {
		this.baseUrl = baseUrl;
		this.issuer = issuer;
	}

	public Tenant onboard(String slug, String displayName) throws IOException, InterruptedException {
		String issuerUri = this.issuer.url(slug);
		String body = """
				{"slug":"%s","displayName":"%s","issuerUri":"%s","clientId":"%s-portal","emailDomains":["%s.test"]}"""
			.formatted(slug, displayName, issuerUri, slug, slug);
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/v1/admin/organizations"))
			.header("Authorization", "Bearer " + this.issuer.operatorToken())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		// a busy machine may turn a request away with 503 and Retry-After, as a
		// client must expect
		for (int retry = 0; retry < 5 && response.statusCode() == 503; retry++) {
			Thread.sleep(1_000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		Matcher id = ID.matcher(response.body());
		if (response.statusCode() != 201 || !id.find()) {
			throw new IllegalStateException(
					"Onboarding " + slug + " failed: " + response.statusCode() + " " + response.body());
		}
		return new Tenant(UUID.fromString(id.group(1)), slug, issuerUri);
	}

}
