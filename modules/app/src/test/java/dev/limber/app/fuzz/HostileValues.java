package dev.limber.app.fuzz;

import java.util.List;
import java.util.Map;

/** What a hostile client puts where the API expects a value. */
final class HostileValues {

	private HostileValues() {
	}

	static final List<String> TEXT = List.of("\u0000", "a\u0000b", "\ud800", "x\udc00", "\u0007\u001b[31m\u007f",
			"\u0085\u009f", "\u202egnp.exe", "\u2066\u2067\u2069", "x".repeat(3_000), "' or 1=1 --",
			"<script>alert(1)</script>", "../../etc/passwd", "%00", "\ufeff\ufffe\uffff", "😀👩‍👩‍👧", "", " ", "null",
			"-1", "1e309");

	static final List<String> DATES = List.of("-4714-01-01", "0000-01-01", "0000-01-01T00:00:00Z", "+999999-12-31",
			"9999-12-31T23:59:59Z", "-999999999-01-01T00:00", "+999999999-12-31T23:59:59.999999999Z", "1970-01-01",
			"1999-12-31", "2024-02-30", "2024-13-01", "2024-01-01T25:61", "2024-01-01T00:00:00+25:00");

	static final List<Object> NUMBERS = List.of(0, -1, 2147483648L, -2147483649L, Long.MAX_VALUE, Long.MIN_VALUE,
			new JsonText.Raw("1e308"), new JsonText.Raw("-1e308"), 1.5,
			new JsonText.Raw("123456789012345678901234567890"), new JsonText.Raw("1e-400"));

	static final List<Object> WRONG_TYPES = List.of(true, List.of(), Map.of(), List.of(List.of(List.of())),
			Map.of("$ne", 1), new JsonText.Raw("null"));

	/** Whole bodies: none, {@code null}, the wrong shape, broken JSON. */
	static final List<String> BODIES = List.of("", "null", "[]", "\"x\"", "123", "{", "{}", "[{}]", "{\"a\":", "true",
			"{\"\\u0000\": 1}");

}
