package dev.limber.programs.catalog;

/**
 * Something drawn beside the figure.
 *
 * @param kind what it is
 * @param at the body point it touches (a strap's first end), or {@code null} for a mat
 * @param to a strap's or towel's second end, else {@code null}
 */
public record Prop(Kind kind, BodyPoint at, BodyPoint to) {

	/** Props the seeds name; written in kebab-case in YAML. */
	public enum Kind {
		MAT, WALL, CHAIR, STRAP, TOWEL, FOAM_ROLLER, BALL, BALLOON
	}

}
