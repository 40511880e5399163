package dev.limber.programs.catalog;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an exercise's {@code illustration}: a view, props and keyframes of body angles.
 * Unknown angles, angles outside the body model's ranges and steps the exercise does not
 * have are refused, for the catalog and for organizations' own exercises alike.
 */
final class IllustrationMapping {

	private IllustrationMapping() {
	}

	static Illustration illustration(YamlNode node, int stepCount) {
		node.allowing(Set.of("view", "props", "keyframes"));
		View view = node.optionalString("view") == null ? View.SIDE : node.enumValue("view", View.class);
		List<Prop> props = node.keys().contains("props")
				? node.children("props").stream().map(IllustrationMapping::prop).toList() : List.of();
		List<YamlNode> frames = node.children("keyframes");
		if (frames.isEmpty() || frames.size() > Illustration.MAX_KEYFRAMES) {
			throw node.error("keyframes", "expected 1 to " + Illustration.MAX_KEYFRAMES + " keyframes");
		}
		return new Illustration(view, props, frames.stream().map((frame) -> keyframe(frame, stepCount)).toList());
	}

	static Keyframe keyframe(YamlNode node, int stepCount) {
		node.allowing(Set.of("step", "pose"));
		int step = node.integer("step");
		if (step < 1 || step > stepCount) {
			throw node.error("step", "expected a step between 1 and " + stepCount);
		}
		YamlNode pose = node.optionalChild("pose");
		Map<BodyAngle, Integer> angles = new EnumMap<>(BodyAngle.class);
		for (String key : pose == null ? List.<String>of() : pose.keys()) {
			List<BodyAngle> set = BodyAngle.forKey(key);
			if (set.isEmpty()) {
				throw pose.error(key, "unknown body angle");
			}
			int degrees = pose.integer(key);
			for (BodyAngle angle : set) {
				if (!angle.allows(degrees)) {
					throw pose.error(key, degrees + "° is outside the body model's range " + angle.min() + "° to "
							+ angle.max() + "°");
				}
				angles.put(angle, degrees);
			}
		}
		return new Keyframe(step, angles);
	}

	static Prop prop(YamlNode node) {
		node.allowing(Set.of("kind", "at", "to"));
		Prop.Kind kind = node.enumValue("kind", Prop.Kind.class);
		BodyPoint at = point(node, "at");
		BodyPoint to = point(node, "to");
		boolean twoEnds = kind == Prop.Kind.STRAP || kind == Prop.Kind.TOWEL;
		if (kind != Prop.Kind.MAT && at == null) {
			throw node.error("at", "expected the body point the " + CatalogValues.yamlName(kind) + " touches");
		}
		if (twoEnds != (to != null)) {
			throw node.error("to",
					twoEnds ? "a strap or towel needs both ends" : "only a strap or towel has a second end");
		}
		return new Prop(kind, at, to);
	}

	private static BodyPoint point(YamlNode node, String key) {
		String name = node.optionalString(key);
		if (name == null) {
			return null;
		}
		try {
			return BodyPoint.parse(name);
		}
		catch (IllegalArgumentException ex) {
			throw node.error(key, ex.getMessage());
		}
	}

}
