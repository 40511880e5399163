package dev.limber.app.language;

import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import dev.limber.app.support.LimberIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The language comes from Accept-Language until someone picks one with the switcher. */
class LanguageSwitchTests extends LimberIntegrationTest {

	@Test
	void acceptLanguageChoosesTheLanguage() {
		assertThat(page("/login", "de-DE,de;q=0.9,en;q=0.5", null)).contains("<html lang=\"de\"")
			.contains("Melde dich mit deinem Firmenkonto an.");
		assertThat(page("/login", "en-US", null)).contains("<html lang=\"en\"").contains("Sign in with your company");
		assertThat(page("/login", "fr-FR", null)).as("unsupported languages get English").contains("<html lang=\"en\"");
	}

	@Test
	void theSwitcherRemembersTheChoiceAndGoesBack() {
		EntityExchangeResult<byte[]> chosen = this.http.get()
			.uri("/language/de?return=/login?error")
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectBody()
			.returnResult();
		assertThat(chosen.getResponseHeaders().getLocation()).hasToString("/login?error");
		ResponseCookie cookie = chosen.getResponseCookies().getFirst("limber-language");
		assertThat(cookie).isNotNull();
		assertThat(cookie.isHttpOnly()).isTrue();
		String login = page("/login", "en", "limber-language=" + cookie.getValue());
		assertThat(login).contains("<html lang=\"de\"").contains("Anmelden").contains("aria-current=\"true\">Deutsch");
		assertThat(login).contains("href=\"/language/en?return=/login\"");
	}

	@Test
	void theSwitcherOnlyGoesBackToLocalPages() {
		for (String away : new String[] { "//evil.example/", "https://evil.example/", "/\\evil.example" }) {
			this.http.get()
				.uri((uri) -> uri.path("/language/de").queryParam("return", "{away}").build(away))
				.exchange()
				.expectStatus()
				.is3xxRedirection()
				.expectHeader()
				.location("/");
		}
	}

	@Test
	void anUnknownLanguageChangesNothing() {
		EntityExchangeResult<byte[]> result = this.http.get()
			.uri("/language/xx?return=/login")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectBody()
			.returnResult();
		assertThat(result.getResponseCookies().getFirst("limber-language")).isNull();
	}

	private String page(String path, String language, String cookie) {
		byte[] body = this.http.get().uri(path).headers((headers) -> {
			headers.set("Accept-Language", language);
			if (cookie != null) {
				headers.set("Cookie", cookie);
			}
		}).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
		return new String(body, java.nio.charset.StandardCharsets.UTF_8);
	}

}
