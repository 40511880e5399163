package dev.limber.programs.illustration;

/**
 * One drawn part of one frame: an SVG path and its look. Every frame of an illustration
 * has the same shapes in the same order, so a path can be animated from frame to frame.
 *
 * @param id stable name of the part, the same in every frame
 * @param look the SVG presentation attributes
 * @param path the SVG path data
 * @param depth how near the viewer the part is (larger is nearer)
 */
record Shape(String id, String look, String path, double depth) {

	static final String NEAR = "#1f4e79";

	static final String FAR = "#6a8db5";

	static String limb(double width, boolean far) {
		return "fill=\"none\" stroke=\"" + (far ? FAR : NEAR) + "\" stroke-width=\"" + Svg.number(width)
				+ "\" stroke-linecap=\"round\" stroke-linejoin=\"round\"";
	}

	static String solid(String fill, String stroke) {
		return "fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"1.5\"";
	}

}
