package dev.limber.organizations.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Keeps issuer discovery from becoming a way to make the server call internal addresses:
 * only https URLs whose host resolves to public addresses are fetched, unless local
 * issuers are allowed for development.
 */
@Component
public class IssuerPolicy {

	private final boolean allowLocal;

	IssuerPolicy(SecurityProperties properties) {
		this.allowLocal = properties.allowLocalIssuers();
	}

	/** Completes when {@code url} may be fetched, or errors with a reason that can be shown. */
	public Mono<Void> check(String url) {
		return Mono.fromCallable(() -> {
			verify(url);
			return true;
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

	void verify(String url) throws UnknownHostException {
		URI uri = parse(url);
		if (uri.getUserInfo() != null || uri.getHost() == null) {
			throw new RejectedIssuerException("The issuer URL must have a host and no credentials.");
		}
		InetAddress[] addresses = InetAddress.getAllByName(uri.getHost());
		boolean local = Arrays.stream(addresses).anyMatch(IssuerPolicy::isInternal);
		if (this.allowLocal && local && isLoopbackHttpOrHttps(uri, addresses)) {
			return;
		}
		if (!"https".equals(uri.getScheme())) {
			throw new RejectedIssuerException("The issuer URL must use https.");
		}
		if (local) {
			throw new RejectedIssuerException("The issuer URL must not point to a private or local address.");
		}
	}

	private static URI parse(String url) {
		try {
			return URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedIssuerException("The issuer URL is not a valid URL.");
		}
	}

	private static boolean isLoopbackHttpOrHttps(URI uri, InetAddress[] addresses) {
		return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
				&& Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
	}

	private static boolean isInternal(InetAddress address) {
		byte[] bytes = address.getAddress();
		boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
		boolean sharedV4 = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
		return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || sharedV4;
	}

	/** An issuer URL that the policy refuses. */
	public static class RejectedIssuerException extends IllegalArgumentException {

		RejectedIssuerException(String message) {
			super(message);
		}

	}

}
