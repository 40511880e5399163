package dev.limber.notifications.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.notifications.Channel;
import dev.limber.notifications.outbox.PlatformKeys;
import dev.limber.notifications.preferences.Topic;

/**
 * One-click unsubscribe links (RFC 8058) that work without signing in: the token names
 * the member, channel and topic and is signed with the platform's key (HMAC-SHA256), so
 * it can only turn off what the email it came with was about, and nobody can make one for
 * someone else.
 */
@Component
class UnsubscribeTokens {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final PlatformKeys keys;

	private volatile byte[] key;

	UnsubscribeTokens(PlatformKeys keys) {
		this.keys = keys;
	}

	Mono<String> issue(TenantId tenant, UUID member, Channel channel, Topic topic) {
		String claims = tenant.value() + ":" + member + ":" + channel.key() + ":" + topic.key();
		return key().map((secret) -> tokenFor(secret, claims));
	}

	Mono<Optional<Unsubscribe>> verify(String token) {
		return key().map((secret) -> parse(secret, token));
	}

	private static Optional<Unsubscribe> parse(byte[] secret, String token) {
		try {
			String[] parts = token.split("\\.", -1);
			if (parts.length != 2) {
				return Optional.empty();
			}
			String claims = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
			// only the exact token issued: base64 spells the same bytes in more than
			// one way (a last character's unused bits), and an altered link must not work
			if (!MessageDigest.isEqual(tokenFor(secret, claims).getBytes(StandardCharsets.UTF_8),
					token.getBytes(StandardCharsets.UTF_8))) {
				return Optional.empty();
			}
			String[] fields = claims.split(":", -1);
			return Optional.of(new Unsubscribe(new TenantId(UUID.fromString(fields[0])), UUID.fromString(fields[1]),
					Channel.of(fields[2]).orElseThrow(), Topic.of(fields[3]).orElseThrow()));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	private Mono<byte[]> key() {
		if (this.key != null) {
			return Mono.just(this.key);
		}
		return this.keys.getOrCreate("unsubscribe-hmac", UnsubscribeTokens::newKey)
			.map((value) -> Base64.getDecoder().decode(value))
			.doOnNext((value) -> this.key = value);
	}

	private static String newKey() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static String tokenFor(byte[] secret, String claims) {
		return ENCODER.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
				+ ENCODER.encodeToString(mac(secret, claims));
	}

	private static byte[] mac(byte[] secret, String claims) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac.doFinal(claims.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Unsubscribe(TenantId tenant, UUID member, Channel channel, Topic topic) {
	}

}
