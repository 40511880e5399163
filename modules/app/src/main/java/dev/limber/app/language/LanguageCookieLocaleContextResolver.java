package dev.limber.app.language;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The language a person chose with the switcher (a cookie), else the first supported one
 * in the browser's {@code Accept-Language}, else English. The locale keeps the browser's
 * region for that language, so dates, numbers and week starts follow it. WebFlux has no
 * cookie resolver of its own, so this one keeps the choice in a plain, long-lived,
 * HTTP-only cookie.
 */
class LanguageCookieLocaleContextResolver implements LocaleContextResolver {

	static final String COOKIE = "limber-language";

	private static final Duration REMEMBER_FOR = Duration.ofDays(365);

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		List<Locale> requested = requested(exchange);
		HttpCookie chosen = exchange.getRequest().getCookies().getFirst(COOKIE);
		Locale language = ((chosen != null) ? Languages.of(chosen.getValue()) : Optional.<Locale>empty())
			.or(() -> requested.stream().flatMap((locale) -> Languages.of(locale.getLanguage()).stream()).findFirst())
			.orElse(Languages.DEFAULT);
		return new SimpleLocaleContext(Languages.withRegion(language, requested));
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

	private static List<Locale> requested(ServerWebExchange exchange) {
		try {
			return exchange.getRequest().getHeaders().getAcceptLanguageAsLocales();
		}
		catch (IllegalArgumentException ex) {
			// a malformed Accept-Language is no reason to refuse a page
			return List.of();
		}
	}

}
