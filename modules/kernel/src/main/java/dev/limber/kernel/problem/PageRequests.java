package dev.limber.kernel.problem;

import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells a browser asking for a page apart from an API client, so each gets the error it
 * can use.
 */
final class PageRequests {

	private PageRequests() {
	}

	/**
	 * A request for an HTML page outside the API: its errors are shown as the HTML error
	 * pages.
	 */
	static boolean wantsHtmlPage(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().value();
		if (path.startsWith("/api/") || path.startsWith("/scim/") || path.startsWith("/actuator")) {
			return false;
		}
		return exchange.getRequest().getHeaders().getAccept().stream().anyMatch(MediaType.TEXT_HTML::isCompatibleWith);
	}

}
