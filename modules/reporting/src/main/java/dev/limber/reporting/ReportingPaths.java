package dev.limber.reporting;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.limber.kernel.security.PathRule;
import dev.limber.kernel.security.PathRule.Surface;
import dev.limber.kernel.security.PathRules;
import dev.limber.organizations.Role;

/**
 * The reports, in the API and on the HR pages, are for HR analysts and organization
 * admins.
 */
@Configuration(proxyBeanMethods = false)
class ReportingPaths {

	@Bean
	PathRules reportingPathRules() {
		List<String> analysts = List.of(Role.HR_ANALYST.name(), Role.ORG_ADMIN.name());
		return () -> List.of(PathRule.anyRole(Surface.API, analysts, "/api/v1/reports/**"),
				PathRule.anyRole(Surface.PORTAL, analysts, "/hr/**", "/hr"));
	}

}
