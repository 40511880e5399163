package dev.limber.bench.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OIDC provider over HTTP (mock-oauth2-server): each path segment is an issuer
 * with its own signing key, so it stands in for every organization's identity provider
 * and the platform's. Tokens are signed RS256 JWTs that the app verifies through
 * discovery and JWKS.
 */
public final class Issuer implements AutoCloseable {

	public static final String PLATFORM = "platform";

	private final MockOAuth2Server server = new MockOAuth2Server();

	public Issuer() {
		this.server.start();
	}

	public String url(String issuerId) {
		return this.server.issuerUrl(issuerId).toString();
	}

	public String token(String issuerId, String subject, String audience, Map<String, Object> claims,
			Duration lifetime) {
		return this.server.issueToken(issuerId, subject, audience, claims, lifetime.toSeconds()).serialize();
	}

	public String operatorToken() {
		return token(PLATFORM, "bench-operator", "limber-platform", Map.of("roles", List.of("platform-operator")),
				Duration.ofHours(2));
	}

	/**
	 * Makes the next browser sign-in at {@code issuerId} log in {@code subject} without a
	 * form.
	 */
	public void nextSignIn(String issuerId, String subject, String clientId, Map<String, Object> claims) {
		this.server
			.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(clientId), claims, 7200));
	}

	@Override
	public void close() {
		this.server.shutdown();
	}

}
