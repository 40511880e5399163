package dev.limber.organizations.security;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/** The only HTTP client that talks to identity providers: every request passes the {@link IssuerPolicy}. */
@Component
public class GuardedWebClient {

	private final WebClient client;

	GuardedWebClient(IssuerPolicy policy) {
		ExchangeFilterFunction guard = ExchangeFilterFunction.ofRequestProcessor(
				(ClientRequest request) -> policy.check(request.url().toString()).thenReturn(request));
		this.client = WebClient.builder().filter(guard).build();
	}

	public WebClient client() {
		return this.client;
	}

}
