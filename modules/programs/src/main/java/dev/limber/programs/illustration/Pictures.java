package dev.limber.programs.illustration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.limber.programs.catalog.Exercise;
import dev.limber.programs.catalog.Keyframe;
import dev.limber.programs.content.CatalogText;

/**
 * An exercise's pictures in the reader's language: each keyframe titled with the step it
 * shows, the card picture (the last keyframe, where the move arrives) and the animation,
 * both titled with the exercise's name.
 */
@Component("pictures")
public class Pictures {

	/** One keyframe: its number (1-based), the step it shows and that step's text, and the SVG. */
	public record Picture(int number, int step, String text, String svg) {
	}

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
		return new Picture(number, step, stepText, IllustrationSvg.still(exercise, number - 1, stepText));
	}

	public String card(Exercise exercise, Locale locale) {
		return IllustrationSvg.still(exercise, exercise.illustration().keyframes().size() - 1, name(exercise, locale));
	}

	public String animated(Exercise exercise, Locale locale) {
		return IllustrationSvg.animated(exercise, name(exercise, locale));
	}

	private String name(Exercise exercise, Locale locale) {
		return this.text.exercise(exercise.slug(), "name", exercise.name(), locale);
	}

}
