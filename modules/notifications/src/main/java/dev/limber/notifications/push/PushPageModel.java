package dev.limber.notifications.push;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.limber.organizations.CurrentMember;

/**
 * What the Notifications page shows of push: the member's devices and the server key to
 * subscribe with.
 */
@Component
public class PushPageModel {

	private final PushDevices devices;

	private final VapidKeyPair keys;

	PushPageModel(PushDevices devices, VapidKeyPair keys) {
		this.devices = devices;
		this.keys = keys;
	}

	public Mono<Model> addTo(Model model, CurrentMember member) {
		return this.devices.of(member)
			.map((subscriptions) -> subscriptions.stream()
				.map((each) -> new Device(each.id(), URI.create(each.endpoint()).getHost(),
						each.createdAt().atZone(member.zone()).toLocalDate()))
				.toList())
			.zipWith(this.keys.publicKey())
			.map((both) -> model.addAttribute("devices", both.getT1()).addAttribute("serverKey", both.getT2()));
	}

	public record Device(UUID id, String pushService, LocalDate since) {
	}

}
