package dev.limber.app.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal as an installable app that works offline: the manifest and its icons, the
 * service worker and what it may keep, the offline page, a routine finished offline and
 * logged later (once), and a sign-out that empties the device.
 */
class OfflineAppTests extends LimberIntegrationTest {

	private static final Pattern JS_REGEX = Pattern.compile("/(\\^(?:[^/\\\\]|\\\\.)*)/");

	@Test
	void theManifestAndItsIconsAreServedToAnyoneAndMakeTheAppInstallable() {
		EntityExchangeResult<byte[]> manifest = this.http.get()
			.uri("/manifest.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		assertThat(manifest.getResponseHeaders().getContentType().toString()).contains("json");
		JsonNode json = new ObjectMapper().readTree(manifest.getResponseBody());
		assertThat(json.path("name").asString()).isEqualTo("Limber");
		assertThat(json.path("short_name").asString()).isNotBlank();
		assertThat(json.path("start_url").asString()).isEqualTo("/");
		assertThat(json.path("scope").asString()).isEqualTo("/");
		assertThat(json.path("display").asString()).isEqualTo("standalone");
		List<String> pngSizes = new ArrayList<>();
		boolean maskable = false;
		for (JsonNode icon : json.path("icons")) {
			byte[] image = this.http.get()
				.uri(icon.path("src").asString())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody();
			if (icon.path("type").asString().equals("image/png")) {
				String size = pngWidth(image) + "x" + pngHeight(image);
				assertThat(icon.path("sizes").asString()).as(icon.path("src").asString()).isEqualTo(size);
				pngSizes.add(size);
				maskable |= icon.path("purpose").asString().contains("maskable");
			}
		}
		assertThat(pngSizes).as("a phone needs a 192 px and a 512 px icon").contains("192x192", "512x512");
		assertThat(maskable).as("an icon the phone may crop to its own shape").isTrue();
		assertThat(page("/", "en")).contains("<link rel=\"manifest\" href=\"/manifest.json\">")
			.contains("<script src=\"/js/offline.js\" defer></script>");
	}

	@Test
	void theServiceWorkerIsServedFromTheRootAndNeverKeepsPersonalOrAdministrativePages() {
		EntityExchangeResult<byte[]> worker = this.http.get()
			.uri("/sw.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		assertThat(worker.getResponseHeaders().getContentType().toString()).contains("javascript");
		assertThat(worker.getResponseHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
		String source = new String(worker.getResponseBody(), StandardCharsets.UTF_8);
		List<Pattern> kept = regexes(line(source, "const KEPT_PAGES"));
		Pattern never = regexes(line(source, "const NEVER")).get(0);
		assertThat(kept).hasSize(4);
		for (String page : List.of("/", "/library", "/library/cat-cow", "/routines/desk-reset-5-min")) {
			assertThat(kept).as(page).anyMatch((pattern) -> pattern.matcher(page).find());
			assertThat(never.matcher(page).find()).as(page).isFalse();
		}
		for (String page : List.of("/hr", "/hr/export", "/org/admin", "/api/v1/activities", "/api/v1/me/export",
				"/my-data", "/my-data/export", "/history", "/checklist", "/screening", "/login", "/logout",
				"/oauth2/authorization/acme", "/routines/x/done", "/library/x/y")) {
			assertThat(kept).as(page).noneMatch((pattern) -> pattern.matcher(page).find());
		}
		for (String page : List.of("/hr", "/org/admin", "/api/v1/activities", "/my-data/export", "/login")) {
			assertThat(never.matcher(page).find()).as(page).isTrue();
		}
	}

	@Test
	void theOfflinePageIsPublicAndSpeaksThePersonsLanguage() {
		assertThat(page("/offline", "en")).contains("<h1>You are offline</h1>").contains("href=\"/library\"");
		assertThat(page("/offline", "de")).contains("<h1>Du bist offline</h1>");
		assertThat(page("/", "de")).contains("data-offline=\"Du bist offline.")
			.contains("data-logged-many=\"{0} Einheiten");
	}

	@Test
	void aRoutineFinishedOfflineIsLoggedOnceWithTheTimeItEnded() {
		TestOrganization organization = onboard("offline");
		BrowserSession ola = BrowserSession.signIn(this.http, organization, "ola", Map.of("name", "Ola"));
		ola.submit("/screening", "/screening", Map.of("answer", "none", "routine", "desk-reset-5-min"));
		String player = ola.page("/routines/desk-reset-5-min");
		assertThat(player).as("kept routines are sent only for the person who finished them")
			.containsPattern("id=\"connection\"[^>]* data-member=\"[0-9a-f-]{36}\"");
		String key = logKey(player);
		String ended = OffsetDateTime.now(ZoneOffset.UTC).minusHours(5).truncatedTo(ChronoUnit.MILLIS).toString();
		Map<String, String> kept = Map.of("logKey", key, "durationSeconds", "301", "completedAt", ended);
		// sent once when the phone came back online, once more from a second tab, then
		// "log it" pressed
		for (int i = 0; i < 3; i++) {
			assertThat(ola.submit("/routines/desk-reset-5-min", "/routines/desk-reset-5-min/done", kept)
				.getResponseHeaders()
				.getLocation()).hasToString("/history?logged=desk-reset-5-min");
		}
		this.http.get()
			.uri("/api/v1/activities")
			.headers((headers) -> headers.setBearerAuth(organization.token("ola")))
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].durationSeconds")
			.isEqualTo(301)
			.jsonPath("$[0].completedAt")
			.value((completedAt) -> assertThat(OffsetDateTime.parse((String) completedAt).toInstant())
				.isEqualTo(OffsetDateTime.parse(ended).toInstant()));
	}

	@Test
	void aKeptRoutineTheServerCannotTakeIsRefusedWithAProblemAndWritesNothing() {
		TestOrganization organization = onboard("offline-refused");
		BrowserSession ola = BrowserSession.signIn(this.http, organization, "ola", Map.of("name", "Ola"));
		ola.submit("/screening", "/screening", Map.of("answer", "none", "routine", "desk-reset-5-min"));
		String key = logKey(ola.page("/routines/desk-reset-5-min"));
		String tooOld = OffsetDateTime.now(ZoneOffset.UTC).minusDays(4).toString();
		assertThat(ola
			.submit("/routines/desk-reset-5-min", "/routines/desk-reset-5-min/done",
					Map.of("logKey", key, "durationSeconds", "301", "completedAt", tooOld))
			.getStatus()
			.value()).isEqualTo(422);
		assertThat(ola
			.submit("/routines/desk-reset-5-min", "/routines/desk-reset-5-min/done",
					Map.of("logKey", key, "durationSeconds", "301", "completedAt", "yesterday"))
			.getStatus()
			.value()).isEqualTo(400);
		String future = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString();
		assertThat(ola
			.submit("/routines/desk-reset-5-min", "/routines/desk-reset-5-min/done",
					Map.of("logKey", key, "durationSeconds", "301", "completedAt", future))
			.getStatus()
			.value()).isEqualTo(422);
		assertThat(ola.page("/history")).doesNotContain("<td>Desk reset");
	}

	@Test
	void signingOutTellsTheBrowserToForgetWhatItKeptForOfflineUse() {
		TestOrganization organization = onboard("offline-signout");
		BrowserSession ola = BrowserSession.signIn(this.http, organization, "ola", Map.of("name", "Ola"));
		EntityExchangeResult<byte[]> signedOut = ola.submit("/", "/logout", Map.of());
		assertThat(signedOut.getResponseHeaders().getFirst("Clear-Site-Data")).contains("\"cache\"")
			.contains("\"storage\"")
			.doesNotContain("cookies");
	}

	private String page(String path, String language) {
		byte[] body = this.http.get()
			.uri(path)
			.header("Accept-Language", language)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return new String(body, StandardCharsets.UTF_8);
	}

	private static String logKey(String player) {
		Matcher key = Pattern.compile("name=\"logKey\" value=\"([^\"]+)\"").matcher(player);
		assertThat(key.find()).isTrue();
		return key.group(1);
	}

	private static String line(String source, String start) {
		return source.lines().filter((line) -> line.startsWith(start)).findFirst().orElseThrow();
	}

	/**
	 * The regular expression literals on a line of JavaScript (simple ones read the same
	 * in Java).
	 */
	private static List<Pattern> regexes(String line) {
		List<Pattern> patterns = new ArrayList<>();
		Matcher literal = JS_REGEX.matcher(line);
		while (literal.find()) {
			patterns.add(Pattern.compile(literal.group(1).replace("\\/", "/")));
		}
		return patterns;
	}

	private static int pngWidth(byte[] png) {
		return ByteBuffer.wrap(png, 16, 4).getInt();
	}

	private static int pngHeight(byte[] png) {
		return ByteBuffer.wrap(png, 20, 4).getInt();
	}

}
