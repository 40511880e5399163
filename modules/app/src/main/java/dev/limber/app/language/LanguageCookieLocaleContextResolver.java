package dev.limber.app.language;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The language a person chose with the switcher (a cookie), else the best match of the
 * browser's {@code Accept-Language}, else English. WebFlux has no cookie resolver of its
 * own, so this one keeps the choice in a plain, long-lived, HTTP-only cookie.
 */
class LanguageCookieLocaleContextResolver implements LocaleContextResolver {

	static final String COOKIE = "limber-language";

	private static final Duration REMEMBER_FOR = Duration.ofDays(365);

	private final AcceptHeaderLocaleContextResolver acceptHeader = new AcceptHeaderLocaleContextResolver();

	LanguageCookieLocaleContextResolver() {
		this.acceptHeader.setSupportedLocales(Languages.SUPPORTED);
		this.acceptHeader.setDefaultLocale(Languages.DEFAULT);
	}

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		HttpCookie chosen = exchange.getRequest().getCookies().getFirst(COOKIE);
		if (chosen != null) {
			var language = Languages.of(chosen.getValue());
			if (language.isPresent()) {
				return new SimpleLocaleContext(language.get());
			}
		}
		return this.acceptHeader.resolveLocaleContext(exchange);
	}

	@Override
	public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
		Locale locale = (localeContext != null) ? localeContext.getLocale() : null;
		ResponseCookie cookie = ResponseCookie.from(COOKIE, (locale != null) ? locale.getLanguage() : "")
			.path("/")
			.httpOnly(true)
			.sameSite("Lax")
			.maxAge((locale != null) ? REMEMBER_FOR : Duration.ZERO)
			.build();
		exchange.getResponse().addCookie(cookie);
	}

}
