package dev.limber.organizations.login;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import dev.limber.organizations.security.IssuerPolicy;

/**
 * An identity provider's discovery document, accepted only if it names the organization's
 * own issuer and keeps its endpoints on the issuer's host: a tenant cannot point Limber's
 * token, key or sign-out calls at another host. A user-info endpoint on another host
 * (Entra ID serves it from Microsoft Graph) is left out; the claims then come from the ID
 * token.
 */
record ProviderMetadata(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
		String userInfoEndpoint, Map<String, Object> all) {

	private static final String[] ENDPOINTS = { "authorization_endpoint", "token_endpoint", "jwks_uri",
			"end_session_endpoint" };

	static ProviderMetadata checked(String expectedIssuer, Map<String, Object> metadata) {
		String issuer = string(metadata, "issuer");
		if (issuer == null || !stripSlash(issuer).equals(stripSlash(expectedIssuer))) {
			throw new IssuerPolicy.RejectedIssuerException("The discovery document names another issuer.");
		}
		String host = host(issuer);
		for (String endpoint : ENDPOINTS) {
			String value = string(metadata, endpoint);
			boolean required = !"end_session_endpoint".equals(endpoint);
			if ((value == null && required) || (value != null && !host.equals(host(value)))) {
				throw new IssuerPolicy.RejectedIssuerException(
						"The discovery document's " + endpoint + " is not on the issuer's host.");
			}
		}
		Map<String, Object> all = new HashMap<>(metadata);
		String userInfo = string(metadata, "userinfo_endpoint");
		if (userInfo != null && !host.equals(host(userInfo))) {
			all.remove("userinfo_endpoint");
			userInfo = null;
		}
		return new ProviderMetadata(issuer, string(metadata, "authorization_endpoint"),
				string(metadata, "token_endpoint"), string(metadata, "jwks_uri"), userInfo, all);
	}

	private static String host(String url) {
		try {
			return Objects.requireNonNullElse(URI.create(url).getHost(), "").toLowerCase(java.util.Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	private static String string(Map<String, Object> metadata, String name) {
		return (metadata.get(name) instanceof String value && !value.isBlank()) ? value : null;
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
