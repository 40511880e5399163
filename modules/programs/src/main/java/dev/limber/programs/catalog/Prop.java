package dev.limber.programs.catalog;

/**
 * Something drawn beside the figure.
 *
 * @param kind what it is
 * @param at the body point it touches (a strap's first end), or {@code null} for a mat
 * @param to a strap's or towel's second end, else {@code null}
 */
public record Prop(Kind kind, BodyPoint at, BodyPoint to) {

	/**
	 * Props the seeds name (a bike: a stationary one, its saddle at the body point), and
	 * an orbit: a dashed circle around a body point for a circling move; written in
	 * kebab-case in YAML.
	 */
	public enum Kind {

		MAT, WALL, CHAIR, STRAP, TOWEL, FOAM_ROLLER, BALL, BALLOON, BIKE, ORBIT

	}

}
