package dev.limber.programs.illustration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.limber.programs.catalog.Exercise;

/**
 * Draws an exercise's illustration as SVG: a still of one keyframe, or the keyframes
 * animated one into the next (SMIL, so it plays without script; a player can pause it and
 * set its time). Every picture has role="img" and a title.
 */
public final class IllustrationSvg {

	/** Seconds a keyframe is held, and a move from one keyframe to the next takes. */
	static final double HOLD = 0.8, MOVE = 1.6;

	private static final int STEPS_PER_MOVE = 8;

	private IllustrationSvg() {
	}

	public static String still(Exercise exercise, int keyframe, String title) {
		Scene scene = new Scene(exercise);
		List<Shape> shapes = new ArrayList<>(scene.keyframe(keyframe));
		shapes.sort(Comparator.comparingDouble(Shape::depth));
		StringBuilder svg = open(scene, title, "");
		for (Shape shape : shapes) {
			svg.append("<path ").append(shape.look()).append(" d=\"").append(shape.path()).append("\"/>");
		}
		return svg.append("</svg>").toString();
	}

	/**
	 * All keyframes in one picture, looping. {@code data-key-times} says when each
	 * keyframe is reached (seconds into the loop) and {@code data-cycle} how long one
	 * loop lasts.
	 */
	public static String animated(Exercise exercise, String title) {
		Scene scene = new Scene(exercise);
		int keys = scene.keyframeCount();
		if (keys == 1) {
			return still(exercise, 0, title);
		}
		List<Double> times = new ArrayList<>();
		List<List<Shape>> samples = new ArrayList<>();
		List<String> keyTimes = new ArrayList<>();
		double cycle = keys * (HOLD + MOVE);
		for (int k = 0; k < keys; k++) {
			double start = k * (HOLD + MOVE);
			keyTimes.add(Svg.number(start));
			List<Shape> pose = scene.keyframe(k);
			times.add(start);
			samples.add(pose);
			times.add(start + HOLD);
			samples.add(pose);
			for (int step = 1; step < STEPS_PER_MOVE; step++) {
				double t = (double) step / STEPS_PER_MOVE;
				times.add(start + HOLD + MOVE * t);
				samples.add(scene.between(k, (k + 1) % keys, t));
			}
		}
		times.add(cycle);
		samples.add(samples.get(0));
		String data = " class=\"figure-animated\" data-key-times=\"" + String.join(",", keyTimes) + "\" data-cycle=\""
				+ Svg.number(cycle) + "\"";
		StringBuilder svg = open(scene, title, data);
		String keyTimeList = keyTimes(times, cycle);
		List<Shape> first = samples.get(0);
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < first.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble((Integer i) -> first.get(i).depth()));
		for (int i : order) {
			Shape shape = first.get(i);
			svg.append("<path ").append(shape.look()).append(" d=\"").append(shape.path()).append("\">");
			List<String> values = new ArrayList<>();
			for (List<Shape> sample : samples) {
				values.add(sample.get(i).path());
			}
			if (values.stream().distinct().count() > 1) {
				svg.append("<animate attributeName=\"d\" dur=\"")
					.append(Svg.number(cycle))
					.append("s\" repeatCount=\"indefinite\" keyTimes=\"")
					.append(keyTimeList)
					.append("\" values=\"")
					.append(String.join(";", values))
					.append("\"/>");
			}
			svg.append("</path>");
		}
		return svg.append("</svg>").toString();
	}

	private static String keyTimes(List<Double> times, double cycle) {
		List<String> fractions = new ArrayList<>();
		for (double time : times) {
			fractions.add(String.format(Locale.ROOT, "%.4f", time / cycle));
		}
		return String.join(";", fractions);
	}

	private static StringBuilder open(Scene scene, String title, String attributes) {
		Bounds frame = scene.frame();
		StringBuilder svg = new StringBuilder(4096);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"")
			.append(Svg.number(frame.minX()))
			.append(' ')
			.append(Svg.number(frame.minY()))
			.append(' ')
			.append(Svg.number(frame.width()))
			.append(' ')
			.append(Svg.number(frame.height()))
			.append("\" role=\"img\"")
			.append(attributes)
			.append("><title>")
			.append(Svg.escape(title))
			.append("</title>");
		if (scene.camera().hasFloor()) {
			svg.append("<path stroke=\"#7d8794\" stroke-width=\"1.5\" d=\"M")
				.append(Svg.number(frame.minX()))
				.append(" 0H")
				.append(Svg.number(frame.maxX()))
				.append("\"/>");
		}
		return svg;
	}

}
