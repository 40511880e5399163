package dev.limber.app.programs;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.programs.testing.OwnExercises;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exercise pictures on the library, exercise pages and the player, and as cacheable SVG,
 * over real HTTP.
 */
class ExerciseIllustrationTests extends LimberIntegrationTest {

	@Test
	void pagesShowThePicturesWithTheirStepsAsTextAlternatives() {
		BrowserSession erin = signIn("pictures");
		assertThat(erin.page("/library")).contains("src=\"/library/cat-cow/picture.svg\"")
			.contains("src=\"/library/legs-up-the-wall/picture.svg\"");

		String exercise = erin.page("/library/single-knee-to-chest");
		assertThat(exercise).contains("<h2>How it looks</h2>")
			.contains("role=\"img\"><title>Lie on your back with both legs straight along the floor.</title>")
			.contains(
					"role=\"img\"><title>Pull your right knee toward your chest, fingers laced around the shin.</title>")
			.contains("<figcaption>Step 2</figcaption>");
		assertThat(erin.page("/library/cat-cow", "de")).contains("<h2>So sieht es aus</h2>")
			.contains("<figcaption>Schritt 3</figcaption>")
			.containsPattern("role=\"img\"><title>[^<]*Katze[^<]*</title>");

		erin.submit("/screening", "/screening", Map.of("answer", "none"));
		String player = erin.page("/routines/tight-lower-back");
		assertThat(player).contains("/js/player-figure.js")
			.contains("/js/player.js")
			.contains("src=\"/library/single-knee-to-chest/picture.svg\"")
			.contains("data-exercise=\"cat-cow\"")
			.contains("data-keyframes=\"3\"")
			.contains("<summary>How to do it</summary>")
			.contains("Pull your right knee toward your chest, fingers laced around the shin.")
			.contains("Space: pause or resume")
			.contains("Left or right arrow: previous or next step")
			.contains("Next up")
			.contains("Speak the cues aloud")
			.doesNotContain("id=\"speak\" class=\"speak\" checked");
		assertThat(erin.page("/routines/tight-lower-back", "de")).contains("Tastenkürzel")
			.contains("Hinweise vorlesen");
	}

	@Test
	void picturesAreAccessibleCacheableSvg() {
		BrowserSession erin = signIn("svg");
		EntityExchangeResult<byte[]> animated = erin.get("/library/cat-cow/illustration.svg");
		assertThat(animated.getStatus().value()).isEqualTo(200);
		assertThat(animated.getResponseHeaders().getContentType()).isNotNull()
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.valueOf("image/svg+xml"))).isTrue());
		assertThat(animated.getResponseHeaders().getCacheControl()).contains("max-age=3600").contains("private");
		String etag = animated.getResponseHeaders().getETag();
		assertThat(etag).matches("\"[0-9a-f]{32}\"");
		assertThat(text(animated)).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
			.contains("role=\"img\"")
			.contains("<title>Cat-cow</title>")
			.contains("<animate attributeName=\"d\"");

		EntityExchangeResult<byte[]> again = erin.get("/library/cat-cow/illustration.svg", "If-None-Match", etag);
		assertThat(again.getStatus().value()).as("revalidated by ETag").isEqualTo(304);
		assertThat(again.getResponseBody()).isNullOrEmpty();

		assertThat(text(erin.get("/library/cat-cow/picture.svg"))).contains("<title>Cat-cow</title>")
			.doesNotContain("<animate");
		assertThat(text(erin.get("/library/legs-up-the-wall/illustration/2.svg")))
			.contains("<title>Concentrate on softening the lower back and letting tension go.</title>");
		assertThat(erin.get("/library/cat-cow/illustration/4.svg").getStatus().value()).isEqualTo(404);
		assertThat(erin.get("/library/cat-cow/illustration/0.svg").getStatus().value()).isEqualTo(404);
		assertThat(erin.get("/library/cat-cow/illustration/one.svg").getStatus().value()).isEqualTo(400);
		assertThat(erin.get("/library/no-such-exercise/picture.svg").getStatus().value()).isEqualTo(404);

		EntityExchangeResult<byte[]> anonymous = this.http.get()
			.uri("/library/cat-cow/picture.svg")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(anonymous.getStatus().is2xxSuccessful()).as("pictures need a signed-in member").isFalse();
	}

	@Test
	void ownExercisesBringKeyframesInTheSameShapeOrGetANeutralFigure() {
		TestOrganization acme = onboard("own-pictures");
		String admin = acme.admin("ada");
		Map<String, Object> withKeyframes = new HashMap<>(OwnExercises.NECK_TILT);
		withKeyframes.put("slug", "desk-knee-lift");
		withKeyframes.put("illustration",
				Map.of("view", "side", "props", List.of(Map.of("kind", "chair", "at", "pelvis")), "keyframes",
						List.of(Map.of("step", 1), Map.of("step", 2, "pose", Map.of("rightHipFlexion", 120)))));
		post(admin, withKeyframes).expectStatus().isCreated();
		Map<String, Object> tooFar = new HashMap<>(withKeyframes);
		tooFar.put("slug", "desk-knee-overbend");
		tooFar.put("illustration", Map.of("keyframes", List.of(Map.of("step", 1, "pose", Map.of("kneeFlexion", 200)))));
		post(admin, tooFar).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(String.valueOf(detail)).contains("outside the body model's range"));
		Map<String, Object> plain = new HashMap<>(OwnExercises.NECK_TILT);
		post(admin, plain).expectStatus().isCreated();

		BrowserSession erin = BrowserSession.signIn(this.http, acme, "erin", Map.of("name", "Erin"));
		assertThat(text(erin.get("/library/desk-knee-lift/illustration/2.svg")))
			.contains("<title>Tilt your ear toward your shoulder.</title>")
			.contains("fill=\"#8a6d4f\"");
		assertThat(erin.page("/library/desk-neck-tilt")).as("a neutral seated figure")
			.contains("role=\"img\"><title>Sit tall.</title>");
		assertThat(erin.get("/library/desk-neck-tilt/illustration/2.svg").getStatus().value()).isEqualTo(404);
		assertThat(signIn("own-pictures-other").get("/library/desk-knee-lift/picture.svg").getStatus().value())
			.as("another organization's exercise is not there")
			.isEqualTo(404);
	}

	private BrowserSession signIn(String organization) {
		return BrowserSession.signIn(this.http, onboard(organization), "erin", Map.of("name", "Erin"));
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String token,
			Map<String, Object> body) {
		return this.http.post()
			.uri("/api/v1/org/exercises")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static String text(EntityExchangeResult<byte[]> result) {
		return new String(result.getResponseBody(), StandardCharsets.UTF_8);
	}

}
