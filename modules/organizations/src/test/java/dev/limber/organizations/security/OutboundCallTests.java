package dev.limber.organizations.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.kernel.testing.TestIdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant controls its identity provider's discovery document. One that points the
 * token, user-info or key endpoints at another host must not make Limber send the
 * sign-in's code and verifier (or any request) there.
 */
class OutboundCallTests extends ModuleIntegrationTest {

	@Test
	void endpointsOnAnotherHostThanTheIssuerAreNeverCalled() throws IOException {
		AtomicInteger captured = new AtomicInteger();
		HttpServer internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		internal.createContext("/", (exchange) -> {
			captured.incrementAndGet();
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		});
		internal.start();
		HttpServer idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		String issuer = "http://localhost:" + idp.getAddress().getPort() + "/hostile";
		String elsewhere = "http://127.0.0.1:" + internal.getAddress().getPort();
		idp.createContext("/hostile/.well-known/openid-configuration", (exchange) -> {
			byte[] body = """
					{"issuer": "%s", "authorization_endpoint": "%s/authorize",
					 "token_endpoint": "%s/token", "userinfo_endpoint": "%s/userinfo", "jwks_uri": "%s/jwks",
					 "end_session_endpoint": "%s/logout", "response_types_supported": ["code"],
					 "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"]}"""
				.formatted(issuer, issuer, elsewhere, elsewhere, elsewhere, elsewhere)
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		idp.start();
		try {
			String slug = "hostile-" + idp.getAddress().getPort();
			this.http.post()
				.uri("/api/v1/admin/organizations")
				.headers((headers) -> headers.setBearerAuth(TestIdentityProvider.operatorToken()))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("slug", slug, "displayName", "Hostile", "issuerUri", issuer, "clientId", "portal",
						"emailDomains", List.of(slug + ".test")))
				.exchange()
				.expectStatus()
				.isCreated();

			var start = this.http.get().uri("/oauth2/authorization/" + slug).exchange().returnResult(Void.class);
			if (start.getStatus().is3xxRedirection()) {
				// what the hostile provider would do: send the browser back with a code
				String authorize = start.getResponseHeaders().getLocation().toString();
				String state = authorize.replaceAll(".*[?&]state=([^&]+).*", "$1");
				String cookie = start.getResponseCookies().getFirst("SESSION").getValue();
				this.http.get()
					.uri(java.net.URI
						.create(baseUrl() + "/login/oauth2/code/" + slug + "?code=stolen-code&state=" + state))
					.header("Cookie", "SESSION=" + cookie)
					.exchange();
			}
			else {
				assertThat(start.getStatus().is4xxClientError()).as("refused without a server error").isTrue();
			}
			// the resource server side: a token naming this issuer makes Limber
			// fetch its keys
			this.http.get()
				.uri("/api/v1/me")
				.headers((headers) -> headers.setBearerAuth(claimingIssuer(issuer)))
				.exchange()
				.expectStatus()
				.isUnauthorized();
			assertThat(captured.get()).as("requests that reached the other host").isZero();
		}
		finally {
			idp.stop(0);
			internal.stop(0);
		}
	}

	/**
	 * A token that names the issuer; its signature is never checked if the keys cannot be
	 * fetched.
	 */
	private static String claimingIssuer(String issuer) {
		java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
		String payload = base64.encodeToString(
				("{\"iss\":\"" + issuer + "\",\"sub\":\"x\",\"aud\":\"portal\"}").getBytes(StandardCharsets.UTF_8));
		return header + "." + payload + "." + base64.encodeToString(new byte[64]);
	}

}
