package dev.limber.challenges.participation;

import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.limber.kernel.notify.DatabaseNotifications;
import dev.limber.kernel.tenant.TenantId;

/**
 * Tells every instance that a challenge's standing changed. Sent inside the transaction
 * that changed it, so listeners hear of it only once it committed.
 */
@Component
public class ChallengeEvents {

	static final String CHANNEL = "limber_challenges";

	private final DatabaseNotifications notifications;

	ChallengeEvents(DatabaseNotifications notifications) {
		this.notifications = notifications;
	}

	public Mono<Void> standingChanged(TenantId tenant, UUID challenge) {
		return this.notifications.send(CHANNEL, tenant.value() + ":" + challenge);
	}

	/**
	 * Keys {@code tenant:challenge} of changed standings, or
	 * {@link DatabaseNotifications#RESYNC}.
	 */
	public Flux<String> changes() {
		return this.notifications.listen(CHANNEL);
	}

}
