package dev.limber.notifications.push;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;

/** The signed-in member's devices that receive push notifications. */
@RestController
class PushSubscriptionController {

	private final PushDevices devices;

	private final VapidKeyPair keys;

	PushSubscriptionController(PushDevices devices, VapidKeyPair keys) {
		this.devices = devices;
		this.keys = keys;
	}

	/** What a browser subscribes with (the applicationServerKey). */
	@GetMapping("/api/v1/me/push-subscriptions/server-key")
	Mono<Map<String, String>> serverKey() {
		return this.keys.publicKey().map((key) -> Map.of("publicKey", key));
	}

	@GetMapping("/api/v1/me/push-subscriptions")
	Mono<List<View>> list(CurrentMember member) {
		return this.devices.of(member).map((subscriptions) -> subscriptions.stream().map(View::of).toList());
	}

	@PostMapping("/api/v1/me/push-subscriptions")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<View> subscribe(@Valid @RequestBody Request request, CurrentMember member) {
		return this.devices.subscribe(member, request.endpoint(), request.keys().p256dh(), request.keys().auth())
			.map(View::of);
	}

	@DeleteMapping("/api/v1/me/push-subscriptions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> unsubscribe(@PathVariable UUID id, CurrentMember member) {
		return this.devices.remove(member, id)
			.flatMap((removed) -> removed ? Mono.empty() : Mono.error(ApiException.notFound("Push subscription")));
	}

	record Keys(@NotNull @Size(max = 100) String p256dh, @NotNull @Size(max = 30) String auth) {
	}

	/** As the browser's PushSubscription.toJSON() gives it; expirationTime is ignored. */
	record Request(@NotNull @Size(max = 1000) String endpoint, Long expirationTime, @NotNull @Valid Keys keys) {
	}

	/**
	 * A device, shown by its push service's host only: the full endpoint is a credential.
	 */
	record View(UUID id, String pushService, Instant createdAt) {

		static View of(PushSubscriptionStore.PushSubscription subscription) {
			return new View(subscription.id(), URI.create(subscription.endpoint()).getHost(), subscription.createdAt());
		}

	}

}
