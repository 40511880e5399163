package dev.limber.notifications.push;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.limber.notifications.challenge.ChallengeNotices;

/**
 * The devices of members, read in the caller's transaction one member after the other.
 */
@Component
class PushDeviceDirectory implements ChallengeNotices.DeviceDirectory {

	private final PushSubscriptionStore store;

	PushDeviceDirectory(PushSubscriptionStore store) {
		this.store = store;
	}

	@Override
	public Mono<Map<UUID, List<UUID>>> of(List<UUID> members) {
		return Flux.fromIterable(members)
			.concatMap(this.store::ofMember)
			.collect(Collectors.groupingBy(PushSubscriptionStore.PushSubscription::member,
					Collectors.mapping(PushSubscriptionStore.PushSubscription::id, Collectors.toList())));
	}

}
