package dev.limber.organizations.security;

import java.net.InetAddress;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which addresses an identity provider's URLs may point to, address form by address form.
 */
class IssuerPolicyTests {

	private final IssuerPolicy policy = new IssuerPolicy(new SecurityProperties(false, Duration.ofMinutes(10), 2000,
			new SecurityProperties.Platform(null, null, null, null), ""));

	@ParameterizedTest
	@ValueSource(strings = {
			// loopback, private, shared, link-local (the cloud
			// metadata address), unspecified
			"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "169.254.169.254", "0.0.0.0", "0.1.2.3",
			// IETF protocol assignments, benchmarking, reserved,
			// broadcast, documentation, multicast
			"192.0.0.8", "198.18.0.1", "198.19.255.254", "240.0.0.1", "255.255.255.255", "192.0.2.1", "198.51.100.7",
			"203.0.113.9", "224.0.0.1",
			// IPv6 loopback, unspecified, unique local,
			// link-local, multicast, documentation
			"[::1]", "[::]", "[fd00::1]", "[fe80::1]", "[ff02::1]", "[2001:db8::1]",
			// IPv4 inside IPv6: compatible, mapped, NAT64 (well-known and
			// local-use), 6to4, Teredo
			"[::169.254.169.254]", "[::a9fe:a9fe]", "[::ffff:169.254.169.254]", "[::ffff:10.0.0.1]",
			"[64:ff9b::169.254.169.254]", "[64:ff9b::a9fe:a9fe]", "[64:ff9b:1::a9fe:a9fe]", "[64:ff9b::10.0.0.1]",
			"[2002:a9fe:a9fe::1]", "[2002:0a00:0001::]", "[2002:7f00:0001::1]", "[2001:0:4136:e378::1]" })
	void refusesAddressesThatAreNotPublic(String host) {
		assertThatThrownBy(() -> this.policy.verify("https://" + host + "/realms/x"))
			.isInstanceOf(IssuerPolicy.RejectedIssuerException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.215.14", "8.8.8.8", "[2606:4700:4700::1111]", "[64:ff9b::808:808]",
			"[2002:0808:0808::1]" })
	void acceptsPublicAddresses(String host) throws Exception {
		this.policy.verify("https://" + host + "/realms/x");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://93.184.215.14/", "http://93.184.215.14/", "https://user:pw@93.184.215.14/",
			"https:///nohost", "not a url" })
	void refusesUrlsThatAreNotPlainHttps(String url) {
		assertThatThrownBy(() -> this.policy.verify(url)).isInstanceOf(IssuerPolicy.RejectedIssuerException.class);
	}

	@org.junit.jupiter.api.Test
	void refusesTheHostsOwnAddresses() throws Exception {
		var own = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
			.stream()
			.flatMap((nic) -> java.util.Collections.list(nic.getInetAddresses()).stream())
			.toList();
		assertThat(own).isNotEmpty();
		for (InetAddress address : own) {
			String literal = (address instanceof java.net.Inet6Address)
					? "[" + address.getHostAddress().replaceAll("%.*", "") + "]" : address.getHostAddress();
			assertThatThrownBy(() -> this.policy.verify("https://" + literal + "/")).as(literal)
				.isInstanceOf(IssuerPolicy.RejectedIssuerException.class);
		}
	}

}
