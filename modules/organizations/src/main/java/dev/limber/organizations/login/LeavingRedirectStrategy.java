package dev.limber.organizations.login;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;

/**
 * Sends the browser on after the sign-out form with a page that navigates by itself (and
 * a link), not with a redirect: the portal's CSP lets forms go only to Limber
 * ({@code form-action 'self'}), and browsers apply that to the redirects after a form, so
 * a redirect to the identity provider's sign-out would be blocked.
 */
final class LeavingRedirectStrategy implements ServerRedirectStrategy {

	private final MessageSource messages;

	LeavingRedirectStrategy(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public Mono<Void> sendRedirect(ServerWebExchange exchange, URI location) {
		var locale = exchange.getLocaleContext().getLocale();
		String title = this.messages.getMessage("continue.signOut", null, "Signing out", locale);
		String link = this.messages.getMessage("continue.signOutLink", null, "Continue", locale);
		String target = HtmlUtils.htmlEscape(location.toString());
		String html = """
				<!DOCTYPE html>
				<html lang="%s"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<meta http-equiv="refresh" content="0; url=%s"><title>%s · Limber</title>
				<link rel="stylesheet" href="/css/limber.css"></head>
				<body><main id="main" class="narrow"><h1>%s</h1><p><a href="%s">%s</a></p></main></body></html>
				""".formatted((locale != null) ? locale.getLanguage() : "en", target, HtmlUtils.htmlEscape(title),
				HtmlUtils.htmlEscape(title), target, HtmlUtils.htmlEscape(link));
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.OK);
		response.getHeaders().setContentType(MediaType.parseMediaType("text/html;charset=UTF-8"));
		response.getHeaders().setCacheControl("no-store");
		return response.writeWith(Mono.just(response.bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8))));
	}

}
