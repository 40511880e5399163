package dev.limber.programs.illustration;

/** An axis-aligned box in picture coordinates. */
record Bounds(double minX, double minY, double maxX, double maxY) {

	static final Bounds EMPTY = new Bounds(Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE);

	Bounds with(double x, double y, double radius) {
		return new Bounds(Math.min(this.minX, x - radius), Math.min(this.minY, y - radius),
				Math.max(this.maxX, x + radius), Math.max(this.maxY, y + radius));
	}

	Bounds with(Bounds other) {
		return with(other.minX, other.minY, 0).with(other.maxX, other.maxY, 0);
	}

	double width() {
		return this.maxX - this.minX;
	}

	double height() {
		return this.maxY - this.minY;
	}

	double centerX() {
		return (this.minX + this.maxX) / 2;
	}

}
