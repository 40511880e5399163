package dev.limber.bench.dashboard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.limber.bench.data.Tenant;
import dev.limber.bench.system.Issuer;

/**
 * Signs in to the portal through the OIDC code flow, as a browser does, and keeps the
 * session cookie.
 */
public final class PortalSignIn {

	private PortalSignIn() {
	}

	/**
	 * @return the Cookie header value of the signed-in session
	 */
	public static String signIn(String baseUrl, Issuer issuer, Tenant tenant, String subject,
			Map<String, Object> claims) throws IOException, InterruptedException {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.ALWAYS)
			.build();
		issuer.nextSignIn(tenant.slug(), subject, tenant.audience(), claims);
		HttpResponse<Void> landed = browser.send(
				HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/authorization/" + tenant.slug())).build(),
				HttpResponse.BodyHandlers.discarding());
		HttpCookie session = cookies.getCookieStore()
			.get(URI.create(baseUrl))
			.stream()
			.filter((cookie) -> cookie.getName().equals("SESSION"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"No portal session after sign-in (" + landed.statusCode() + " at " + landed.uri() + ")"));
		return session.getName() + "=" + session.getValue();
	}

}
