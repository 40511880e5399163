package dev.limber.organizations.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import dev.limber.kernel.security.PathRule;
import dev.limber.kernel.security.PathRule.Surface;
import dev.limber.kernel.security.PathRules;
import dev.limber.organizations.Role;

/**
 * The organizations module's paths: the platform operators' API, the organization admin's
 * API and pages, and the sign-in page with what it needs to show.
 */
@Configuration(proxyBeanMethods = false)
class OrganizationPaths {

	@Bean
	PathRules organizationPathRules() {
		List<String> admin = List.of(Role.ORG_ADMIN.name());
		return () -> List.of(PathRule.authority(Surface.API, TenantIssuers.OPERATOR_AUTHORITY, "/api/v1/admin/**"),
				PathRule.anyRole(Surface.API, admin, "/api/v1/org/**"),
				PathRule.everyone(Surface.PORTAL, HttpMethod.GET, "/login", "/css/**", "/js/**", "/images/**",
						"/favicon.ico", "/error"),
				PathRule.everyone(Surface.PORTAL, HttpMethod.POST, "/login"),
				PathRule.anyRole(Surface.PORTAL, admin, "/org/admin/**", "/org/admin"));
	}

}
