package dev.limber.app.language;

import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The language switcher's target: a plain link (no JavaScript) that remembers the choice
 * and goes back to the page it came from. Only local paths are followed, so the link
 * cannot be abused as an open redirect.
 */
@Controller
class LanguageController {

	private final LocaleContextResolver locales;

	LanguageController(LocaleContextResolver locales) {
		this.locales = locales;
	}

	@GetMapping("/language/{code}")
	String choose(@PathVariable String code, @RequestParam(name = "return", required = false) String back,
			ServerWebExchange exchange) {
		Languages.of(code)
			.ifPresent((locale) -> this.locales.setLocaleContext(exchange, new SimpleLocaleContext(locale)));
		return "redirect:" + (isLocalPath(back) ? back : "/");
	}

	static boolean isLocalPath(String path) {
		return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
				&& path.chars().noneMatch(Character::isISOControl);
	}

}
