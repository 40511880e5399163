package dev.limber.programs.illustration;

import dev.limber.programs.catalog.View;

/**
 * Projects the model onto the picture: x to the right, y down (SVG), and a depth that
 * says what is nearer the viewer. The side view looks at the figure's right side.
 */
record Camera(View view) {

	record Point(double x, double y, double depth) {
	}

	Point project(Vec v) {
		return switch (this.view) {
			case SIDE -> new Point(v.x(), -v.y(), v.z());
			case FRONT -> new Point(-v.z(), -v.y(), v.x());
			case ABOVE -> new Point(-v.z(), v.x(), v.y());
		};
	}

	/**
	 * Whether the picture has a floor line (from above, the floor is the picture itself).
	 */
	boolean hasFloor() {
		return this.view != View.ABOVE;
	}

}
