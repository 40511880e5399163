package dev.limber.organizations.security;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Keeps a tenant's identity provider settings from becoming a way to make the server call
 * internal addresses: only https URLs whose host resolves to public unicast addresses are
 * fetched, unless loopback issuers are allowed for development. The address check runs
 * again on the address each connection actually uses ({@link GuardedWebClient}).
 */
@Component
public class IssuerPolicy {

	private final boolean allowLocal;

	/** This host's own addresses: a public one still reaches the server itself. */
	private final Set<InetAddress> ownAddresses = ownAddresses();

	IssuerPolicy(SecurityProperties properties) {
		this.allowLocal = properties.allowLocalIssuers();
	}

	/**
	 * Completes when {@code url} may be fetched, or errors with a reason that can be
	 * shown.
	 */
	public Mono<Void> check(String url) {
		return Mono.fromCallable(() -> {
			verify(url);
			return true;
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

	void verify(String url) throws UnknownHostException {
		URI uri = checkShape(url);
		InetAddress[] addresses = InetAddress.getAllByName(uri.getHost());
		if (!Arrays.stream(addresses).allMatch(this::isAllowed)) {
			throw new RejectedIssuerException("The issuer URL must not point to a private or local address.");
		}
	}

	/** Scheme, credentials and host of {@code url}, without looking up its addresses. */
	URI checkShape(String url) {
		URI uri = parse(url);
		if (uri.getUserInfo() != null || uri.getHost() == null) {
			throw new RejectedIssuerException("The issuer URL must have a host and no credentials.");
		}
		boolean https = "https".equals(uri.getScheme());
		if (!https && !(this.allowLocal && "http".equals(uri.getScheme()))) {
			throw new RejectedIssuerException("The issuer URL must use https.");
		}
		return uri;
	}

	/** Whether a connection to {@code address} may be opened for an identity provider. */
	boolean isAllowed(InetAddress address) {
		if (this.allowLocal && address.isLoopbackAddress()) {
			return true;
		}
		return PublicAddresses.isPublic(address) && !this.ownAddresses.contains(address);
	}

	private static URI parse(String url) {
		try {
			return URI.create(url);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new RejectedIssuerException("The issuer URL is not a valid URL.");
		}
	}

	private static Set<InetAddress> ownAddresses() {
		try {
			return Collections.list(NetworkInterface.getNetworkInterfaces())
				.stream()
				.flatMap((nic) -> Collections.list(nic.getInetAddresses()).stream())
				.map(IssuerPolicy::withoutScope)
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (SocketException ex) {
			return Set.of();
		}
	}

	private static InetAddress withoutScope(InetAddress address) {
		try {
			return InetAddress.getByAddress(address.getAddress());
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	/** An issuer URL that the policy refuses. */
	public static class RejectedIssuerException extends IllegalArgumentException {

		public RejectedIssuerException(String message) {
			super(message);
		}

	}

}
