package dev.limber.organizations.scim;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * SCIM clients get SCIM error bodies also for refusals made outside the SCIM controllers
 * (hostile input, rate limits, unknown routes, parameters of the wrong type): ahead of
 * the problem-details handler, for {@code /scim/} only.
 */
@Component
@Order(-3)
class ScimFilterErrors implements WebExceptionHandler {

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted() || !exchange.getRequest().getPath().value().startsWith("/scim/")
				|| !(ex instanceof ErrorResponse error) || !error.getStatusCode().is4xxClientError()) {
			return Mono.error(ex);
		}
		HttpStatusCode status = error.getStatusCode();
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		headers.addAll(error.getHeaders());
		headers.setContentType(MediaType.parseMediaType(ScimJson.MEDIA_TYPE));
		String scimType = (status.value() == 400) ? "invalidValue" : null;
		byte[] body = ScimJson.error(status.value(), scimType, error.getBody().getDetail())
			.getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
