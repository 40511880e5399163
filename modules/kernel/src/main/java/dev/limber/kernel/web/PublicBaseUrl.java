package dev.limber.kernel.web;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address people and identity providers reach Limber at, from configuration.
 * Addresses Limber hands out (the sign-in redirect URI, SCIM resource locations, calendar
 * feeds) are built from it, never from the request's Host header, which a client chooses
 * freely.
 */
@Component
public class PublicBaseUrl {

	private final String base;

	PublicBaseUrl(@Value("${limber.public-base-url:http://localhost:8080}") String base) {
		URI uri = URI.create(base.trim());
		if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
				|| uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new IllegalArgumentException(
					"limber.public-base-url must be an absolute http(s) URL without query, e.g. https://limber.example.com");
		}
		this.base = base.trim().replaceFirst("/+$", "");
	}

	/** {@code path} (starting with a slash) on the public address. */
	public String resolve(String path) {
		return this.base + path;
	}

	@Override
	public String toString() {
		return this.base;
	}

}
