package dev.limber.app.language;

import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

/**
 * Gives every page its own address, so the language switcher can come back to it. A page
 * rendered after a form post has no address to come back to, so the switcher goes home.
 */
@ControllerAdvice
class CurrentPageAdvice {

	@ModelAttribute("currentPage")
	String currentPage(ServerWebExchange exchange) {
		if (exchange.getRequest().getMethod() != HttpMethod.GET) {
			return "/";
		}
		var uri = exchange.getRequest().getURI();
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

}
