package dev.limber.app.resilience;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Every line the application logs at INFO or above, kept to count what an outage writes.
 */
final class LogLines extends AppenderBase<ILoggingEvent> {

	record Line(long epochMillis, Level level, String logger, String message, boolean stackTrace) {

		@Override
		public String toString() {
			return this.level + " " + this.logger + ": " + this.message + (this.stackTrace ? " [+stack trace]" : "");
		}

	}

	private final List<Line> lines = new CopyOnWriteArrayList<>();

	static LogLines attach() {
		LogLines appender = new LogLines();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		appender.setContext(root.getLoggerContext());
		appender.start();
		root.addAppender(appender);
		return appender;
	}

	@Override
	protected void append(ILoggingEvent event) {
		if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
			this.lines.add(new Line(event.getTimeStamp(), event.getLevel(), event.getLoggerName(),
					event.getFormattedMessage(), event.getThrowableProxy() != null));
		}
	}

	List<Line> between(long fromMillis, long toMillis) {
		return this.lines.stream()
			.filter((line) -> line.epochMillis() >= fromMillis && line.epochMillis() <= toMillis)
			.toList();
	}

	void detach() {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this);
		stop();
	}

}
