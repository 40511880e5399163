package dev.limber.devidp;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts what a company IdP would say about a person into their tokens, and refuses to
 * issue tokens of one organization's issuer to another organization's people.
 */
@Configuration(proxyBeanMethods = false)
class DemoClaims {

	static Map<String, Object> of(DemoUser user) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("email", user.email());
		claims.put("name", user.name());
		if (user.department() != null) {
			claims.put("department", user.department());
			claims.put("location", user.location());
		}
		claims.put("groups", user.groups());
		claims.put("roles", user.roles());
		return claims;
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> demoClaimsCustomizer(DemoDirectory directory) {
		return (context) -> {
			String issuer = context.getAuthorizationServerContext().getIssuer();
			DemoUser user = directory.find(context.getPrincipal().getName())
				.filter((found) -> issuer.endsWith("/" + found.issuer()))
				.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("access_denied",
						"This user does not belong to the organization of " + issuer, null)));
			context.getClaims().claims((claims) -> claims.putAll(of(user)));
		};
	}

}
