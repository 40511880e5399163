package dev.limber.organizations.security;

import java.nio.file.Path;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import dev.limber.organizations.OutboundHttp;

/**
 * The only HTTP client that talks to identity providers. Every request passes the
 * {@link IssuerPolicy}: its URL before it is sent, and the address it connects to when
 * the host is resolved, so a DNS answer that changes between check and connect
 * (rebinding) cannot reach an internal address. Slow or silent servers are given up on.
 * TLS trusts the JDK's authorities and those of
 * {@code limber.security.outbound-trust-bundle}, if set.
 */
@Component
public class GuardedWebClient implements OutboundHttp {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);

	private final WebClient client;

	GuardedWebClient(IssuerPolicy policy, SecurityProperties properties) {
		ExchangeFilterFunction guard = ExchangeFilterFunction.ofRequestProcessor(
				(ClientRequest request) -> Mono.fromCallable(() -> policy.checkShape(request.url().toString()))
					.thenReturn(request));
		HttpClient http = HttpClient.create()
			.resolver(new CheckedAddressResolverGroup(policy))
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis())
			.responseTimeout(RESPONSE_TIMEOUT)
			.followRedirect(false);
		if (!properties.outboundTrustBundle().isBlank()) {
			SslContext trust = OutboundTrust.withBundle(Path.of(properties.outboundTrustBundle()));
			http = http.secure((tls) -> tls.sslContext(trust));
		}
		this.client = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(256 * 1024))
			.filter(guard)
			.build();
	}

	@Override
	public WebClient client() {
		return this.client;
	}

}
