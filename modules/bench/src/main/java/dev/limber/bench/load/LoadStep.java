package dev.limber.bench.load;

import java.time.Duration;
import java.util.List;

/**
 * What the next Gatling simulation does: {@code users} virtual users, each on its own
 * connection, send requests back to back for warm-up plus the measured window. Gatling
 * instantiates simulations itself, so the step is handed over through {@link #current}.
 *
 * @param tokens bearer tokens, one per virtual user in turn (or cookies for pages)
 */
public record LoadStep(String baseUrl, String path, String method, String body, List<String> tokens,
		boolean cookieSession, int users, Duration warmUp, Duration measure, Recorder recorder) {

	private static volatile LoadStep current;

	private static volatile Runnable onStart;

	public static LoadStep current() {
		return current;
	}

	/** Hands the step over, with what to do once Gatling has started and sends load. */
	static void use(LoadStep step, Runnable started) {
		current = step;
		onStart = started;
	}

	/** Called by the simulation as its users start. */
	static void started() {
		onStart.run();
	}

	public Duration total() {
		// the measured window starts after the warm-up; a tail after it
		return this.warmUp.plus(this.measure).plusSeconds(2);
	}

}
