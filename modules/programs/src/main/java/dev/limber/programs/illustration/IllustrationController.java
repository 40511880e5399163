package dev.limber.programs.illustration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.BiFunction;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.kernel.problem.ApiException;
import dev.limber.programs.catalog.Exercise;
import dev.limber.programs.content.TenantCatalogs;

/**
 * Serves exercise pictures as SVG for cards, the player and the keyframe strip. Pictures
 * change only with the catalog, so they are cached by the browser for an hour and
 * revalidated by ETag; the title follows the reader's language.
 */
@RestController
class IllustrationController {

	static final MediaType SVG = MediaType.valueOf("image/svg+xml;charset=UTF-8");

	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePrivate();

	private final TenantCatalogs catalogs;

	private final Pictures pictures;

	IllustrationController(TenantCatalogs catalogs, Pictures pictures) {
		this.catalogs = catalogs;
		this.pictures = pictures;
	}

	/** The card picture: the last keyframe, titled with the exercise's name. */
	@GetMapping("/library/{slug}/picture.svg")
	Mono<ResponseEntity<String>> picture(@PathVariable String slug, ServerWebExchange exchange) {
		return svg(slug, exchange, this.pictures::card);
	}

	/** All keyframes, animated one into the next. */
	@GetMapping("/library/{slug}/illustration.svg")
	Mono<ResponseEntity<String>> animated(@PathVariable String slug, ServerWebExchange exchange) {
		return svg(slug, exchange, this.pictures::animated);
	}

	/** One keyframe (1-based), titled with the step it shows. */
	@GetMapping("/library/{slug}/illustration/{number}.svg")
	Mono<ResponseEntity<String>> keyframe(@PathVariable String slug, @PathVariable int number,
			ServerWebExchange exchange) {
		return svg(slug, exchange, (exercise, locale) -> {
			if (number < 1 || number > exercise.illustration().keyframes().size()) {
				throw ApiException.notFound("Keyframe");
			}
			return this.pictures.keyframe(exercise, number, locale).svg();
		});
	}

	private Mono<ResponseEntity<String>> svg(String slug, ServerWebExchange exchange,
			BiFunction<Exercise, Locale, String> draw) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return this.catalogs.current()
			.flatMap((catalog) -> Mono.justOrEmpty(catalog.exercise(slug)))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Exercise")))
			.map((exercise) -> {
				String svg = draw.apply(exercise, locale);
				return ResponseEntity.ok()
					.contentType(SVG)
					.cacheControl(CACHE)
					.eTag(etag(svg))
					.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.COOKIE)
					.body(svg);
			});
	}

	private static String etag(String svg) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(svg.getBytes(StandardCharsets.UTF_8));
			return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
