package dev.limber.organizations.login;

import org.springframework.security.web.server.authentication.logout.HeaderWriterServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;

/**
 * Sign-out also empties the device: the pages the service worker kept for offline use and
 * any routine kept there to be logged later belong to the person signing out, not the
 * next one. Written on every scheme (Spring's own writer skips plain http): browsers
 * honour it on https and on localhost, and ignore it elsewhere.
 */
final class SignedOutDevice {

	static final String CLEAR_SITE_DATA = "\"cache\", \"storage\"";

	private SignedOutDevice() {
	}

	static ServerLogoutHandler clearing() {
		return new HeaderWriterServerLogoutHandler(
				StaticServerHttpHeadersWriter.builder().header("Clear-Site-Data", CLEAR_SITE_DATA).build());
	}

}
