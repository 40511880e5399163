package dev.limber.kernel.testing;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OIDC provider over HTTP for tests (mock-oauth2-server): each path segment is its
 * own issuer with its own signing keys, so one server stands in for the identity
 * providers of several organizations and of the platform. Started once per JVM.
 */
public final class TestIdentityProvider {

	public static final String PLATFORM = "platform";

	public static final String PLATFORM_AUDIENCE = "limber-platform";

	private static final MockOAuth2Server server = start();

	private TestIdentityProvider() {
	}

	private static MockOAuth2Server start() {
		MockOAuth2Server started = new MockOAuth2Server();
		started.start();
		Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown));
		return started;
	}

	public static String issuer(String issuerId) {
		return server.issuerUrl(issuerId).toString();
	}

	/** A signed access token of {@code issuerId}, valid for an hour. */
	public static String token(String issuerId, String subject, String audience, Map<String, Object> claims) {
		return server.issueToken(issuerId, subject, audience, claims, 3600).serialize();
	}

	/** A signed token whose lifetime ended an hour ago. */
	public static String expiredToken(String issuerId, String subject, String audience) {
		return server.issueToken(issuerId, subject, audience, Map.of(), -3600).serialize();
	}

	/**
	 * Makes the next browser sign-in at {@code issuerId} log in {@code subject} with
	 * these claims (the server signs in without a login form).
	 */
	public static void nextSignIn(String issuerId, String subject, String clientId, Map<String, Object> claims) {
		server
			.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(clientId), claims, 3600));
	}

	public static String operatorToken() {
		return token(PLATFORM, "operator-1", PLATFORM_AUDIENCE, Map.of("roles", List.of("platform-operator")));
	}

	/** The same token with its payload changed after signing. */
	public static String tampered(String token) {
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String forged = payload.replace("\"sub\":\"", "\"sub\":\"x");
		return parts[0] + "." + encode(forged) + "." + parts[2];
	}

	/** The same claims in an unsigned token ({@code alg: none}). */
	public static String unsigned(String token) {
		String payload = token.split("\\.")[1];
		return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
