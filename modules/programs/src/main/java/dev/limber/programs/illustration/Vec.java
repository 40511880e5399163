package dev.limber.programs.illustration;

/**
 * A point or direction in the body model's space (x forward, y up, z to the figure's
 * right).
 */
record Vec(double x, double y, double z) {

	static final Vec ZERO = new Vec(0, 0, 0);

	Vec plus(Vec other) {
		return new Vec(this.x + other.x, this.y + other.y, this.z + other.z);
	}

	Vec minus(Vec other) {
		return new Vec(this.x - other.x, this.y - other.y, this.z - other.z);
	}

	Vec times(double factor) {
		return new Vec(this.x * factor, this.y * factor, this.z * factor);
	}

	Vec lerp(Vec to, double t) {
		return plus(to.minus(this).times(t));
	}

}
