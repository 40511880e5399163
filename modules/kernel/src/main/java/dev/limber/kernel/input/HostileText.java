package dev.limber.kernel.input;

/**
 * Text no person types and no column should keep: NUL and the other control characters
 * (tab, line feed and carriage return are fine), and halves of a UTF-16 surrogate pair,
 * which cannot be encoded as UTF-8. PostgreSQL refuses NUL in text and JSONB, so letting
 * them through ends in a server error instead of a 400.
 */
public final class HostileText {

	private HostileText() {
	}

	public static boolean isHostile(CharSequence text) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return true;
			}
			if (Character.isLowSurrogate(c) || isControl(c)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isControl(char c) {
		if (c == '\t' || c == '\n' || c == '\r') {
			return false;
		}
		return c < 0x20 || (c >= 0x7f && c <= 0x9f);
	}

}
