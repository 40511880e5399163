package dev.limber.challenges.live;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.limber.challenges.participation.ChallengeEvents;
import dev.limber.challenges.scoring.Leaderboards;
import dev.limber.challenges.scoring.Standing;
import dev.limber.kernel.notify.DatabaseNotifications;
import dev.limber.kernel.tenant.TenantId;

/**
 * One live standing per watched challenge on this instance, however many streams watch
 * it. A change notified by any instance triggers one recomputation; changes arriving
 * while one runs are folded into the next, so a burst of activity costs two computations,
 * not one per activity. Each subscriber buffers only the latest standing, so a slow
 * client skips to the newest instead of holding back the others.
 */
@Component
public class LiveStandings {

	private static final Log logger = LogFactory.getLog(LiveStandings.class);

	private final Leaderboards leaderboards;

	private final Flux<String> changes;

	private final AtomicInteger subscribers = new AtomicInteger();

	private final Cache<String, Flux<Standing>> watched = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(10))
		.maximumSize(10_000)
		.build();

	LiveStandings(Leaderboards leaderboards, ChallengeEvents events, MeterRegistry meters) {
		this.leaderboards = leaderboards;
		this.changes = events.changes();
		Gauge.builder("limber.challenges.sse.subscribers", this.subscribers, AtomicInteger::get)
			.description("Open leaderboard streams on this instance")
			.register(meters);
	}

	/**
	 * The current standing, then a new one after every change, for as long as the caller
	 * listens.
	 */
	public Flux<Standing> watch(TenantId tenant, UUID challenge) {
		String key = tenant.value() + ":" + challenge;
		return this.watched.get(key, (ignored) -> standings(tenant, challenge, key))
			.onBackpressureLatest()
			.doOnSubscribe((subscription) -> this.subscribers.incrementAndGet())
			.doFinally((signal) -> this.subscribers.decrementAndGet());
	}

	private Flux<Standing> standings(TenantId tenant, UUID challenge, String key) {
		Flux<String> relevant = this.changes
			.filter((change) -> change.equals(key) || change.equals(DatabaseNotifications.RESYNC));
		return Flux.just(key)
			.concatWith(relevant)
			.onBackpressureLatest()
			.concatMap((change) -> this.leaderboards.standing(tenant, challenge).onErrorResume((ex) -> {
				logger.warn("Could not compute the standing of challenge " + challenge, ex);
				return Mono.empty();
			}), 1)
			.replay(1)
			.refCount(1, Duration.ofSeconds(5));
	}

}
