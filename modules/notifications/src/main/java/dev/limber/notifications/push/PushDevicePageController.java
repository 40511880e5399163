package dev.limber.notifications.push;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;

/**
 * The page's side of push: the browser subscribes with the server key (push.js), then
 * posts the subscription in an ordinary CSRF-protected form; devices can be removed the
 * same way.
 */
@Controller
class PushDevicePageController {

	private final PushDevices devices;

	PushDevicePageController(PushDevices devices) {
		this.devices = devices;
	}

	@PostMapping("/notifications/devices")
	Mono<String> add(ServerWebExchange exchange, CurrentMember member) {
		return exchange.getFormData()
			.flatMap((form) -> this.devices.subscribe(member, form.getFirst("endpoint"), form.getFirst("p256dh"),
					form.getFirst("auth")))
			.thenReturn("redirect:/notifications?device")
			.onErrorMap(ApiException.class, (ex) -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
	}

	@PostMapping("/notifications/devices/{id}/remove")
	Mono<String> remove(@PathVariable UUID id, CurrentMember member) {
		return this.devices.remove(member, id).thenReturn("redirect:/notifications");
	}

}
