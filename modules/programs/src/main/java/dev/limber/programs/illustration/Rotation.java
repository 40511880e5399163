package dev.limber.programs.illustration;

/** A 3x3 rotation matrix; angles in degrees, right-handed about the model's axes. */
record Rotation(double[] m) {

	static final Rotation IDENTITY = new Rotation(new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 });

	/** About x (forward): with a positive angle, up turns toward the figure's right. */
	static Rotation aboutX(double degrees) {
		double c = Math.cos(Math.toRadians(degrees)), s = Math.sin(Math.toRadians(degrees));
		return new Rotation(new double[] { 1, 0, 0, 0, c, -s, 0, s, c });
	}

	/** About y (up): with a positive angle, forward turns toward the figure's left. */
	static Rotation aboutY(double degrees) {
		double c = Math.cos(Math.toRadians(degrees)), s = Math.sin(Math.toRadians(degrees));
		return new Rotation(new double[] { c, 0, s, 0, 1, 0, -s, 0, c });
	}

	/** About z (to the right): with a positive angle, down turns toward forward. */
	static Rotation aboutZ(double degrees) {
		double c = Math.cos(Math.toRadians(degrees)), s = Math.sin(Math.toRadians(degrees));
		return new Rotation(new double[] { c, -s, 0, s, c, 0, 0, 0, 1 });
	}

	Rotation then(Rotation inner) {
		double[] a = this.m, b = inner.m, r = new double[9];
		for (int row = 0; row < 3; row++) {
			for (int col = 0; col < 3; col++) {
				r[row * 3 + col] = a[row * 3] * b[col] + a[row * 3 + 1] * b[3 + col] + a[row * 3 + 2] * b[6 + col];
			}
		}
		return new Rotation(r);
	}

	Vec apply(Vec v) {
		return new Vec(this.m[0] * v.x() + this.m[1] * v.y() + this.m[2] * v.z(),
				this.m[3] * v.x() + this.m[4] * v.y() + this.m[5] * v.z(),
				this.m[6] * v.x() + this.m[7] * v.y() + this.m[8] * v.z());
	}

	Vec apply(double x, double y, double z) {
		return apply(new Vec(x, y, z));
	}

}
