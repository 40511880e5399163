package dev.limber.programs.catalog;

/**
 * Where an illustration is seen from: the side (facing right), the front, or from above.
 */
public enum View {

	SIDE, FRONT, ABOVE

}
