package dev.limber.notifications.chat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.limber.notifications.outbox.NotificationProperties;
import dev.limber.notifications.outbox.PlatformKeys;

/**
 * Seals webhook URLs (AES-256-GCM, a random nonce each): whoever reads the table without
 * the key learns nothing that lets them post into an organization's channel.
 */
@Component
class WebhookSeal {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PlatformKeys platformKeys;

	private final String configured;

	private volatile byte[] key;

	WebhookSeal(PlatformKeys platformKeys, NotificationProperties properties) {
		this.platformKeys = platformKeys;
		this.configured = properties.webhookKey();
	}

	Mono<String> seal(String url) {
		return key().map((secret) -> {
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			byte[] sealed = run(cipher(Cipher.ENCRYPT_MODE, secret, nonce), url.getBytes(StandardCharsets.UTF_8), 0);
			return Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
		});
	}

	Mono<String> open(String sealed) {
		return key().map((secret) -> {
			byte[] bytes = Base64.getDecoder().decode(sealed);
			byte[] nonce = java.util.Arrays.copyOf(bytes, 12);
			return new String(run(cipher(Cipher.DECRYPT_MODE, secret, nonce), bytes, 12), StandardCharsets.UTF_8);
		});
	}

	private static byte[] run(Cipher cipher, byte[] input, int offset) {
		try {
			return cipher.doFinal(input, offset, input.length - offset);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A webhook URL could not be sealed or opened", ex);
		}
	}

	private Mono<byte[]> key() {
		if (this.key != null) {
			return Mono.just(this.key);
		}
		Mono<String> encoded = this.configured.isBlank()
				? this.platformKeys.getOrCreate("webhook-aes", WebhookSeal::newKey) : Mono.just(this.configured);
		return encoded.map((value) -> Base64.getDecoder().decode(value)).doOnNext((value) -> this.key = value);
	}

	private static Cipher cipher(int mode, byte[] key, byte[] nonce) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
			return cipher;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String newKey() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
