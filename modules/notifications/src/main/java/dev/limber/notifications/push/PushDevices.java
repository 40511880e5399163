package dev.limber.notifications.push;

import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.problem.ApiException;
import dev.limber.notifications.outbox.NotificationProperties;
import dev.limber.organizations.CurrentMember;

/** A member's devices for push notifications, for the API and the page alike. */
@Service
class PushDevices {

	static final int MAX_PER_MEMBER = 10;

	private final PushSubscriptionStore store;

	private final TransactionalOperator transactions;

	private final Clock clock;

	private final boolean allowLocal;

	PushDevices(PushSubscriptionStore store, TransactionalOperator transactions, Clock clock,
			NotificationProperties properties) {
		this.store = store;
		this.transactions = transactions;
		this.clock = clock;
		this.allowLocal = properties.allowLocalReceivers();
	}

	Mono<List<PushSubscriptionStore.PushSubscription>> of(CurrentMember member) {
		return this.store.ofMember(member.memberId()).collectList().as(this.transactions::transactional);
	}

	/**
	 * Adds a device, or refreshes one subscribed again; refuses endpoints and keys that
	 * cannot work.
	 */
	Mono<PushSubscriptionStore.PushSubscription> subscribe(CurrentMember member, String endpoint, String p256dh,
			String auth) {
		String problem = problem(endpoint, p256dh, auth);
		if (problem != null) {
			return Mono.error(ApiException.badRequest(problem));
		}
		return this.store.ofMember(member.memberId())
			.collectList()
			.flatMap((existing) -> (existing.size() >= MAX_PER_MEMBER
					&& existing.stream().noneMatch((each) -> each.endpoint().equals(endpoint))) ? Mono
						.error(ApiException.conflict(
								"At most " + MAX_PER_MEMBER + " devices receive push notifications; remove one first."))
							: this.store.save(member.tenant(), member.memberId(), endpoint, p256dh, auth,
									this.clock.instant()))
			.as(this.transactions::transactional);
	}

	Mono<Boolean> remove(CurrentMember member, UUID id) {
		return this.store.delete(id, member.memberId())
			.map((deleted) -> deleted > 0)
			.as(this.transactions::transactional);
	}

	/** Why the subscription cannot be used, or null. */
	private String problem(String endpoint, String p256dh, String auth) {
		if (endpoint == null || p256dh == null || auth == null || endpoint.length() > 1000) {
			return "endpoint, keys.p256dh and keys.auth are required.";
		}
		URI uri;
		try {
			uri = URI.create(endpoint);
		}
		catch (IllegalArgumentException ex) {
			return "endpoint is not a URL.";
		}
		boolean https = "https".equals(uri.getScheme());
		boolean localHttp = this.allowLocal && "http".equals(uri.getScheme());
		if (!(https || localHttp) || uri.getHost() == null || uri.getUserInfo() != null) {
			return "endpoint must be an https URL with a host.";
		}
		byte[] key = decodeOrEmpty(p256dh);
		if (key.length != 65 || key[0] != 4) {
			return "keys.p256dh must be an uncompressed P-256 public key (65 bytes, base64url).";
		}
		if (decodeOrEmpty(auth).length != 16) {
			return "keys.auth must be 16 bytes, base64url.";
		}
		return null;
	}

	private static byte[] decodeOrEmpty(String base64url) {
		try {
			return decode(base64url);
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	static byte[] decode(String base64url) {
		return Base64.getUrlDecoder().decode(base64url.replace("=", ""));
	}

}
