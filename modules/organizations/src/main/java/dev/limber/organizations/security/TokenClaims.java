package dev.limber.organizations.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;

/** Reads claims whose shape varies between identity providers (string or list). */
final class TokenClaims {

	private TokenClaims() {
	}

	static List<String> strings(Jwt jwt, String claim) {
		Object value = jwt.getClaims().get(claim);
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		if (value instanceof String single && !single.isBlank()) {
			return List.of(single);
		}
		return List.of();
	}

	static String string(Jwt jwt, String claim) {
		Object value = jwt.getClaims().get(claim);
		return (value instanceof String text && !text.isBlank()) ? text : null;
	}

}
