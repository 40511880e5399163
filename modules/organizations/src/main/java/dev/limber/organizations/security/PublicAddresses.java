package dev.limber.organizations.security;

import java.net.InetAddress;

/**
 * Public unicast addresses, by the IANA special-purpose registries: everything private,
 * local, reserved, multicast or for documentation is refused, also when an IPv4 address
 * is wrapped in IPv6 (compatible, mapped, NAT64, 6to4), which would otherwise reach it.
 */
final class PublicAddresses {

	private PublicAddresses() {
	}

	static boolean isPublic(InetAddress address) {
		byte[] bytes = address.getAddress();
		return (bytes.length == 4) ? isPublicV4(bytes, 0) : isPublicV6(bytes);
	}

	private static boolean isPublicV4(byte[] bytes, int at) {
		int a = bytes[at] & 0xff;
		int b = bytes[at + 1] & 0xff;
		int c = bytes[at + 2] & 0xff;
		return !(a == 0 // this network
				|| a == 10 || a == 127 // private, loopback
				|| (a == 100 && (b & 0xc0) == 64) // shared (carrier-grade NAT)
				|| (a == 169 && b == 254) // link-local, including cloud metadata services
				|| (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168) // private
				|| (a == 192 && b == 0 && (c == 0 || c == 2)) // IETF, documentation
				|| (a == 198 && (b & 0xfe) == 18) // benchmarking
				|| (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113) // documentation
				|| a >= 224); // multicast, reserved, broadcast
	}

	private static boolean isPublicV6(byte[] bytes) {
		int first = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
		int second = ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
		if (zeros(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
			return isPublicV4(bytes, 12); // IPv4-mapped
		}
		if (first == 0x64 && second == 0xff9b && zeros(bytes, 4, 12)) {
			return isPublicV4(bytes, 12); // NAT64, well-known prefix
		}
		if (first == 0x2002) {
			return isPublicV4(bytes, 2); // 6to4 embeds the IPv4 address after the prefix
		}
		return !(zeros(bytes, 0, 12) // unspecified, loopback, IPv4-compatible
				|| (first == 0x64 && second == 0xff9b) // NAT64, local use
				|| (first == 0x100 && second == 0 && zeros(bytes, 4, 8)) // discard-only
				|| (first == 0x2001 && second < 0x200) // IETF, Teredo, benchmarking
				|| (first == 0x2001 && second == 0xdb8) // documentation
				|| (first & 0xfe00) == 0xfc00 // unique local
				// link-local, site-local, multicast
				|| (first & 0xffc0) == 0xfe80 || (first & 0xffc0) == 0xfec0 || (first & 0xff00) == 0xff00);
	}

	private static boolean zeros(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

}
