package dev.limber.programs;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import dev.limber.kernel.security.PathRule;
import dev.limber.kernel.security.PathRule.Surface;
import dev.limber.kernel.security.PathRules;

/**
 * Open without a sign-in: the front door (a welcome for visitors) and the break-calendar
 * feed, which calendar apps fetch with the secret token in its address.
 */
@Configuration(proxyBeanMethods = false)
class ProgramsPaths {

	@Bean
	PathRules programsPathRules() {
		return () -> List.of(PathRule.everyone(Surface.PORTAL, HttpMethod.GET, "/", "/calendar/*.ics"));
	}

}
