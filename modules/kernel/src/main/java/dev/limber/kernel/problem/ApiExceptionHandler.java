package dev.limber.kernel.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every exception that reaches a controller, or the dispatcher itself (unknown
 * routes, wrong methods), into an RFC 9457 problem with a stable {@code type}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	/** A browser asking for a page gets the HTML error page instead (see {@link ProblemWebExceptionHandler}). */
	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		if (PageRequests.wantsHtmlPage(exchange)) {
			return Mono.error(ex);
		}
		return super.handleExceptionInternal(ex, body, headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		ProblemDetail problem = ex.getBody();
		problem.setType(ProblemType.VALIDATION.uri());
		problem.setTitle("Validation failed");
		problem.setDetail("The request has " + ex.getErrorCount() + " invalid field(s).");
		problem.setProperty("errors", fieldErrors(ex));
		return handleExceptionInternal(ex, problem, headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		if (body instanceof ProblemDetail problem) {
			Problems.completeType(problem, status);
		}
		return super.createResponseEntity(body, headers, status, exchange);
	}

	private static List<Map<String, String>> fieldErrors(WebExchangeBindException ex) {
		return ex.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
	}

}
