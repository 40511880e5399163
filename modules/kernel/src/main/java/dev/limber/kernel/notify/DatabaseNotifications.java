package dev.limber.kernel.notify;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.r2dbc.core.DatabaseClient;

import dev.limber.kernel.database.DatabaseFailures;

/**
 * PostgreSQL LISTEN/NOTIFY as the one fan-out between application instances. A
 * notification sent inside a transaction is delivered to every instance's listener when
 * it commits, and never when it rolls back. One dedicated connection per instance listens
 * on every channel in use; it reconnects by itself and then announces {@link #RESYNC} on
 * each channel, because notifications sent while it was away are lost.
 */
public class DatabaseNotifications {

	/**
	 * Payload announced after (re)connecting: listeners should refresh what they show.
	 */
	public static final String RESYNC = "";

	private static final Log logger = LogFactory.getLog(DatabaseNotifications.class);

	private final Set<String> channels = ConcurrentHashMap.newKeySet();

	private final AtomicReference<PostgresqlConnection> listening = new AtomicReference<>();

	private final Flux<Notification> notifications;

	private final DatabaseClient database;

	/**
	 * The channel of {@link #caughtUp()}'s own notifications, listened to from the start.
	 */
	private static final String CAUGHT_UP = "limber_caught_up";

	public DatabaseNotifications(PostgresqlConnectionFactory connections, DatabaseClient database) {
		this.database = database;
		this.channels.add(CAUGHT_UP);
		this.notifications = Flux.usingWhen(connections.create(), this::receive, PostgresqlConnection::close)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
				.maxBackoff(Duration.ofSeconds(5))
				.doBeforeRetry((signal) -> lostConnection(signal.totalRetriesInARow(), signal.failure())))
			.repeatWhen((completed) -> completed.delayElements(Duration.ofSeconds(1)))
			.share();
	}

	/**
	 * One line when the connection is lost; a stack trace only for what is not a known
	 * outage.
	 */
	private static void lostConnection(long retriesInARow, Throwable failure) {
		if (!DatabaseFailures.isUnavailable(failure)) {
			logger.warn("Database notifications lost their connection; reconnecting", failure);
		}
		else if (retriesInARow == 0) {
			logger.warn("Database notifications lost their connection; reconnecting ("
					+ DatabaseFailures.summary(failure) + ")");
		}
	}

	/** Payloads sent on {@code channel} from now on, by any instance. */
	public Flux<String> listen(String channel) {
		return Flux.defer(() -> {
			if (this.channels.add(channel)) {
				PostgresqlConnection connection = this.listening.get();
				if (connection != null) {
					return listen(connection, channel).thenMany(this.notifications);
				}
			}
			return this.notifications;
		}).filter((notification) -> notification.channel().equals(channel)).map(Notification::payload);
	}

	/** Sends {@code payload} on {@code channel} when the caller's transaction commits. */
	public Mono<Void> send(String channel, String payload) {
		return this.database.sql("select pg_notify(:channel, :payload)")
			.bind("channel", channel)
			.bind("payload", payload)
			.then();
	}

	/**
	 * Completes once every notification committed before this call has reached this
	 * instance's listeners: PostgreSQL delivers notifications in commit order, so when a
	 * notification sent now comes back, those before it have been handled. A cache kept
	 * fresh by notifications may then answer as if it had read the database. Call it
	 * outside a transaction (inside one it would be sent only at commit).
	 */
	public Mono<Void> caughtUp() {
		String token = UUID.randomUUID().toString();
		return Mono.defer(() -> {
			// listening before sending, so the echo cannot pass unseen
			Mono<String> echo = listen(CAUGHT_UP).filter(token::equals).next().cache();
			Disposable waiting = echo.subscribe();
			return send(CAUGHT_UP, token).then(echo).then().doFinally((signal) -> waiting.dispose());
		});
	}

	private Flux<Notification> receive(PostgresqlConnection connection) {
		this.listening.set(connection);
		Flux<Notification> resync = Flux.fromIterable(this.channels)
			.map((channel) -> new Notification(channel, RESYNC));
		return Flux.fromIterable(this.channels)
			.concatMap((channel) -> listen(connection, channel))
			.thenMany(resync.concatWith(connection.getNotifications()
				.map((notification) -> new Notification(notification.getName(),
						(notification.getParameter() != null) ? notification.getParameter() : RESYNC))))
			.doFinally((signal) -> this.listening.compareAndSet(connection, null));
	}

	private static Mono<Void> listen(PostgresqlConnection connection, String channel) {
		// Channel names are identifiers chosen in code, never user input.
		return connection.createStatement("LISTEN \"" + channel.replace("\"", "") + "\"")
			.execute()
			.flatMap(PostgresqlResult::getRowsUpdated)
			.then();
	}

	private record Notification(String channel, String payload) {
	}

}
