package dev.limber.app.language;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** Replaces Spring Boot's Accept-Language-only resolver with one that honours the switcher. */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

	@Bean(name = WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
	LocaleContextResolver localeContextResolver() {
		return new LanguageCookieLocaleContextResolver();
	}

}
