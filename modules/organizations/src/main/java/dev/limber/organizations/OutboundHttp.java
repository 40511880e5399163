package dev.limber.organizations;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The HTTP client for addresses that tenants or members supply (identity providers, push
 * endpoints, chat webhooks): https and public addresses only, checked again on the
 * address each connection uses, no redirects, short timeouts.
 */
public interface OutboundHttp {

	WebClient client();

}
