package dev.limber.programs.illustration;

/** Small helpers for writing SVG path data and text. */
final class Svg {

	private Svg() {
	}

	/**
	 * A coordinate with one decimal at most, so pictures stay small and stable (no
	 * String.format: it is slow).
	 */
	static String number(double value) {
		long tenths = Math.round(value * 10);
		long whole = Math.abs(tenths) / 10, decimal = Math.abs(tenths) % 10;
		String sign = tenths < 0 ? "-" : "";
		return decimal == 0 ? sign + whole : sign + whole + "." + decimal;
	}

	static String line(Camera.Point a, Camera.Point b) {
		return "M" + number(a.x()) + " " + number(a.y()) + "L" + number(b.x()) + " " + number(b.y());
	}

	/** A quadratic curve from a to b that passes through m at its middle. */
	static String curveThrough(Camera.Point a, Camera.Point m, Camera.Point b) {
		double cx = 2 * m.x() - (a.x() + b.x()) / 2, cy = 2 * m.y() - (a.y() + b.y()) / 2;
		return "M" + number(a.x()) + " " + number(a.y()) + "Q" + number(cx) + " " + number(cy) + " " + number(b.x())
				+ " " + number(b.y());
	}

	/** A circle as a path, so it can be animated like every other part. */
	static String circle(double cx, double cy, double r) {
		return "M" + number(cx - r) + " " + number(cy) + "a" + number(r) + " " + number(r) + " 0 1 0 " + number(2 * r)
				+ " 0a" + number(r) + " " + number(r) + " 0 1 0 " + number(-2 * r) + " 0Z";
	}

	static String ellipse(double cx, double cy, double rx, double ry) {
		return "M" + number(cx - rx) + " " + number(cy) + "a" + number(rx) + " " + number(ry) + " 0 1 0 "
				+ number(2 * rx) + " 0a" + number(rx) + " " + number(ry) + " 0 1 0 " + number(-2 * rx) + " 0Z";
	}

	static String rect(double x, double y, double width, double height) {
		return "M" + number(x) + " " + number(y) + "h" + number(width) + "v" + number(height) + "h" + number(-width)
				+ "Z";
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
