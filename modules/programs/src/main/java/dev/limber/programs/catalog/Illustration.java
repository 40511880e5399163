package dev.limber.programs.catalog;

import java.util.List;

/**
 * How an exercise is drawn: a view, props and one to four keyframes. An exercise without
 * keyframes of its own gets one neutral keyframe in its base position.
 */
public record Illustration(View view, List<Prop> props, List<Keyframe> keyframes) {

	public static final int MAX_KEYFRAMES = 4;

	public Illustration {
		props = List.copyOf(props);
		keyframes = List.copyOf(keyframes);
	}

	/** A neutral figure in the base position, for exercises that bring no keyframes. */
	public static Illustration neutral() {
		return new Illustration(View.SIDE, List.of(), List.of(new Keyframe(1, java.util.Map.of())));
	}

}
