package dev.limber.notifications.push;

import java.util.Base64;

import com.interaso.webpush.VapidKeys;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.limber.notifications.outbox.NotificationProperties;
import dev.limber.notifications.outbox.PlatformKeys;

/**
 * The VAPID key pair that signs every push request: configured, or made at first start
 * and kept in the database as one value, so instances starting together agree on one
 * pair.
 */
@Component
class VapidKeyPair {

	private final PlatformKeys platformKeys;

	private final NotificationProperties.Push settings;

	private volatile VapidKeys keys;

	VapidKeyPair(PlatformKeys platformKeys, NotificationProperties properties) {
		this.platformKeys = platformKeys;
		this.settings = properties.push();
	}

	Mono<VapidKeys> keys() {
		if (this.keys != null) {
			return Mono.just(this.keys);
		}
		Mono<VapidKeys> loaded = (!this.settings.publicKey().isBlank() && !this.settings.privateKey().isBlank())
				? Mono.fromCallable(
						() -> VapidKeys.fromUncompressedBytes(this.settings.publicKey(), this.settings.privateKey()))
				: this.platformKeys.getOrCreate("vapid", VapidKeyPair::generate).map(VapidKeyPair::parse);
		return loaded.doOnNext((pair) -> this.keys = pair);
	}

	/**
	 * The public key as browsers take it (applicationServerKey): uncompressed point,
	 * base64url.
	 */
	Mono<String> publicKey() {
		return keys()
			.map((pair) -> Base64.getUrlEncoder().withoutPadding().encodeToString(pair.getApplicationServerKey()));
	}

	private static String generate() {
		VapidKeys pair = VapidKeys.generate();
		return pair.getX509PublicKey() + " " + pair.getPkcs8PrivateKey();
	}

	private static VapidKeys parse(String stored) {
		String[] parts = stored.split(" ", 2);
		return VapidKeys.create(parts[0], parts[1]);
	}

}
