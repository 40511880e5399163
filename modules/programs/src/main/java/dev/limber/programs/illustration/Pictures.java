package dev.limber.programs.illustration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

import dev.limber.programs.catalog.Exercise;
import dev.limber.programs.catalog.Keyframe;
import dev.limber.programs.content.CatalogText;

/**
 * An exercise's pictures in the reader's language: each keyframe titled with the step it
 * shows, the card picture (the last keyframe, where the move arrives) and the animation,
 * both titled with the exercise's name. Drawings are kept, so a picture is drawn once per
 * exercise and language, not per request.
 */
@Component("pictures")
public class Pictures {

	/**
	 * One keyframe: its number (1-based), the step it shows and that step's text, and the
	 * SVG.
	 */
	public record Picture(int number, int step, String text, String svg) {
	}

	/**
	 * Drawn pictures by exercise (its whole content, so an edited own exercise is drawn
	 * anew), kind and title.
	 */
	private record Drawing(Exercise exercise, String kind, int number, String title) {
	}

	private final Cache<Drawing, String> drawn = Caffeine.newBuilder()
		.maximumSize(5_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	private final CatalogText text;

	Pictures(CatalogText text) {
		this.text = text;
	}

	public List<Picture> keyframes(Exercise exercise, Locale locale) {
		List<Picture> pictures = new ArrayList<>();
		List<Keyframe> keyframes = exercise.illustration().keyframes();
		for (int i = 0; i < keyframes.size(); i++) {
			pictures.add(keyframe(exercise, i + 1, locale));
		}
		return pictures;
	}

	/** Keyframe {@code number} (1-based); the caller checks it exists. */
	public Picture keyframe(Exercise exercise, int number, Locale locale) {
		int step = exercise.illustration().keyframes().get(number - 1).step();
		String stepText = this.text.exercise(exercise.slug(), "step." + step, exercise.steps().get(step - 1), locale);
		String svg = this.drawn.get(new Drawing(exercise, "still", number, stepText),
				(key) -> IllustrationSvg.still(exercise, number - 1, stepText));
		return new Picture(number, step, stepText, svg);
	}

	public String card(Exercise exercise, Locale locale) {
		int last = exercise.illustration().keyframes().size();
		String name = name(exercise, locale);
		return this.drawn.get(new Drawing(exercise, "still", last, name),
				(key) -> IllustrationSvg.still(exercise, last - 1, name));
	}

	public String animated(Exercise exercise, Locale locale) {
		String name = name(exercise, locale);
		return this.drawn.get(new Drawing(exercise, "animated", 0, name),
				(key) -> IllustrationSvg.animated(exercise, name));
	}

	private String name(Exercise exercise, Locale locale) {
		return this.text.exercise(exercise.slug(), "name", exercise.name(), locale);
	}

}
