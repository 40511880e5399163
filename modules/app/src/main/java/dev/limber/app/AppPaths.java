package dev.limber.app;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import dev.limber.kernel.security.PathRule;
import dev.limber.kernel.security.PathRule.Surface;
import dev.limber.kernel.security.PathRules;

/**
 * Open without a sign-in: choosing a language, and what the installed app needs offline.
 */
@Configuration(proxyBeanMethods = false)
class AppPaths {

	@Bean
	PathRules appPathRules() {
		return () -> List.of(PathRule.everyone(Surface.PORTAL, HttpMethod.GET, "/language/*", "/manifest.json",
				"/sw.js", "/offline"));
	}

}
