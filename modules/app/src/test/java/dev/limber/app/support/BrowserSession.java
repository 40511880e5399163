package dev.limber.app.support;

import java.net.URI;
import java.util.Map;

import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;

import dev.limber.kernel.testing.TestIdentityProvider;
import dev.limber.kernel.testing.TestOrganization;

/**
 * Walks the portal's OIDC code flow the way a browser does, over real HTTP: Limber, then
 * the identity provider, then back, keeping the session cookie.
 */
public final class BrowserSession {

	private final WebTestClient http;

	private String sessionCookie;

	private BrowserSession(WebTestClient http) {
		this.http = http;
	}

	/**
	 * Signs in as {@code user} of {@code organization}; returns the signed-in session.
	 */
	public static BrowserSession signIn(WebTestClient http, TestOrganization organization, String user,
			Map<String, Object> claims) {
		BrowserSession session = new BrowserSession(http);
		TestIdentityProvider.nextSignIn(organization.slug(), "sub-" + user, organization.audience(), claims);
		URI authorize = session.redirectOf(session.get("/oauth2/authorization/" + organization.slug()));
		EntityExchangeResult<byte[]> atIdp = WebTestClient.bindToServer()
			.build()
			.get()
			.uri(authorize)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectBody()
			.returnResult();
		URI callback = atIdp.getResponseHeaders().getLocation();
		// the callback is absolute and already encoded: pass it as a URI, not a template
		session.lastResult = session.exchange(callback);
		return session;
	}

	private EntityExchangeResult<byte[]> lastResult;

	/**
	 * The same browser, cookie and all, talking to another instance behind the same
	 * address.
	 */
	public BrowserSession at(WebTestClient otherInstance) {
		BrowserSession moved = new BrowserSession(otherInstance);
		moved.sessionCookie = this.sessionCookie;
		return moved;
	}

	public EntityExchangeResult<byte[]> lastResult() {
		return this.lastResult;
	}

	public EntityExchangeResult<byte[]> get(String path) {
		return exchange(URI.create(path));
	}

	/**
	 * A GET with one extra request header, e.g. If-None-Match to revalidate a cached
	 * picture.
	 */
	public EntityExchangeResult<byte[]> get(String path, String header, String value) {
		return this.http.get()
			.uri(path)
			.header(header, value)
			.header("Cookie", this.sessionCookie)
			.exchange()
			.expectBody()
			.returnResult();
	}

	/** The page as a browser set to {@code language} sees it. */
	public String page(String path, String language) {
		String before = this.language;
		this.language = language;
		try {
			return page(path);
		}
		finally {
			this.language = before;
		}
	}

	private String language;

	/**
	 * From now on, every request says it prefers {@code language}, as a browser set to it
	 * does.
	 */
	public BrowserSession speaking(String language) {
		this.language = language;
		return this;
	}

	/**
	 * A page as a browser asks for it ({@code Accept: text/html}), in {@code language}.
	 */
	public EntityExchangeResult<byte[]> browse(String path, String language) {
		EntityExchangeResult<byte[]> result = this.http.get().uri(path).headers((headers) -> {
			headers.set("Accept", "text/html,application/xhtml+xml");
			headers.set("Accept-Language", language);
			headers.add("Cookie", this.sessionCookie);
		}).exchange().expectBody().returnResult();
		remember(result.getResponseCookies());
		return result;
	}

	private EntityExchangeResult<byte[]> exchange(URI uri) {
		EntityExchangeResult<byte[]> result = this.http.get()
			.uri((builder) -> uri.isAbsolute() ? uri : builder.path(uri.getPath()).query(uri.getRawQuery()).build())
			.headers((headers) -> {
				if (this.language != null) {
					headers.set("Accept-Language", this.language);
				}
				if (this.sessionCookie != null) {
					headers.add("Cookie", this.sessionCookie);
				}
			})
			.exchange()
			.expectBody()
			.returnResult();
		remember(result.getResponseCookies());
		return result;
	}

	public String page(String path) {
		byte[] body = get(path).getResponseBody();
		return (body != null) ? new String(body, java.nio.charset.StandardCharsets.UTF_8) : "";
	}

	/** Submits a form the way the page would, with the CSRF token of {@code formPage}. */
	public EntityExchangeResult<byte[]> submit(String formPage, String action, Map<String, String> fields) {
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page(formPage));
		org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
		fields.forEach(form::add);
		if (csrf.find()) {
			form.add("_csrf", csrf.group(1));
		}
		EntityExchangeResult<byte[]> result = this.http.post()
			.uri(action)
			.header("Cookie", this.sessionCookie)
			.headers((headers) -> {
				if (this.language != null) {
					headers.set("Accept-Language", this.language);
				}
			})
			.body(org.springframework.web.reactive.function.BodyInserters.fromFormData(form))
			.exchange()
			.expectBody()
			.returnResult();
		remember(result.getResponseCookies());
		return result;
	}

	private URI redirectOf(EntityExchangeResult<byte[]> result) {
		return result.getResponseHeaders().getLocation();
	}

	private void remember(MultiValueMap<String, ResponseCookie> cookies) {
		ResponseCookie session = cookies.getFirst("SESSION");
		if (session != null) {
			this.sessionCookie = "SESSION=" + session.getValue();
		}
	}

}
