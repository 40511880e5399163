package dev.limber.organizations.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

import dev.limber.kernel.security.PathRule;
import dev.limber.kernel.security.PathRules;

/**
 * Applies the modules' {@link PathRules} of one surface to a security chain, in bean
 * order.
 */
public final class ModulePaths {

	private ModulePaths() {
	}

	/** Adds the rules; the caller ends with the chain's default for every other path. */
	public static AuthorizeExchangeSpec apply(AuthorizeExchangeSpec exchanges, ObjectProvider<PathRules> modules,
			PathRule.Surface surface) {
		modules.orderedStream()
			.flatMap((module) -> module.rules().stream())
			.filter((rule) -> rule.surface() == surface)
			.forEach((rule) -> grant(exchanges, rule));
		return exchanges;
	}

	private static void grant(AuthorizeExchangeSpec exchanges, PathRule rule) {
		String[] paths = rule.paths().toArray(String[]::new);
		AuthorizeExchangeSpec.Access access = (rule.method() != null) ? exchanges.pathMatchers(rule.method(), paths)
				: exchanges.pathMatchers(paths);
		switch (rule.access()) {
			case EVERYONE -> access.permitAll();
			case ANY_ROLE -> access.hasAnyRole(rule.grants().toArray(String[]::new));
			case AUTHORITY -> access.hasAuthority(rule.grants().get(0));
		}
	}

}
