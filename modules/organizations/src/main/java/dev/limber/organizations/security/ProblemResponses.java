package dev.limber.organizations.security;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.kernel.problem.ProblemMessages;
import dev.limber.kernel.problem.ProblemType;

/** 401 and 403 answers of the API as RFC 9457 problems. */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static ServerAuthenticationEntryPoint unauthorized(ProblemMessages messages) {
		return (exchange, ex) -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			return write(exchange, messages, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHORIZED,
					"A valid bearer token from your organization's identity provider is required.");
		};
	}

	static ServerAccessDeniedHandler forbidden(ProblemMessages messages) {
		return (exchange, ex) -> write(exchange, messages, HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN,
				"Your role does not allow this request.");
	}

	private static Mono<Void> write(ServerWebExchange exchange, ProblemMessages messages, HttpStatus status,
			ProblemType type, String detail) {
		String title = messages.title(type.uri(), status.getReasonPhrase(), exchange.getLocaleContext().getLocale());
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		String body = "{\"type\":\"" + type.uri() + "\",\"title\":\"" + title + "\",\"status\":" + status.value()
				+ ",\"detail\":\"" + detail + "\",\"instance\":\""
				+ exchange.getRequest().getPath().value().replace("\"", "%22") + "\"}";
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

}
