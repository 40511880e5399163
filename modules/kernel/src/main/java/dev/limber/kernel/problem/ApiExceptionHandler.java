package dev.limber.kernel.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every exception that reaches a controller, or the dispatcher itself (unknown
 * routes, wrong methods), into an RFC 9457 problem with a stable {@code type}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final ProblemMessages problemMessages;

	public ApiExceptionHandler(ProblemMessages problemMessages) {
		this.problemMessages = problemMessages;
	}

	/**
	 * A browser asking for a page gets the HTML error page instead (see
	 * {@link ProblemWebExceptionHandler}).
	 */
	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		if (exchange.getRequest().getPath().value().startsWith("/scim/")) {
			// SCIM clients get SCIM's error format (organizations' SCIM
			// handlers write it)
			return Mono.error(ex);
		}
		if (PageRequests.wantsHtmlPage(exchange)) {
			// as a ResponseStatusException, so the error page keeps the status
			// (404, 403, ...)
			return Mono.error(new ResponseStatusException(status, null, ex));
		}
		return super.handleExceptionInternal(ex, body, headers, status, exchange);
	}

	/**
	 * A path variable that is there but blank ({@code /challenges/%20}) binds to nothing,
	 * and Spring calls that a server error; it is the client's.
	 */
	@Override
	protected Mono<ResponseEntity<Object>> handleServerErrorException(ServerErrorException ex, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		MethodParameter parameter = ex.getMethodParameter();
		if (parameter != null && parameter.hasParameterAnnotation(PathVariable.class)) {
			ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST,
					"The path needs a value for " + parameter.getParameterName() + ".");
			return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
		}
		return super.handleServerErrorException(ex, headers, status, exchange);
	}

	/**
	 * A unique key the write would repeat: the same 409 wherever it is found, never a
	 * 500.
	 */
	@ExceptionHandler(DuplicateKeyException.class)
	Mono<ResponseEntity<Object>> duplicate(DuplicateKeyException ex, ServerWebExchange exchange) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "This already exists.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		ProblemDetail problem = ex.getBody();
		problem.setType(ProblemType.VALIDATION.uri());
		Locale locale = exchange.getLocaleContext().getLocale();
		problem.setTitle("Validation failed");
		problem.setDetail(message("problem.detail.validation-failed", new Object[] { ex.getErrorCount() },
				"The request has " + ex.getErrorCount() + " invalid field(s).", locale));
		problem.setProperty("errors", fieldErrors(ex, locale));
		return handleExceptionInternal(ex, problem, headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			ServerWebExchange exchange) {
		if (body instanceof ProblemDetail problem) {
			Problems.completeType(problem, status);
			this.problemMessages.localize(problem, exchange.getLocaleContext().getLocale());
		}
		return super.createResponseEntity(body, headers, status, exchange);
	}

	/**
	 * Each invalid field with a message in the caller's language: the constraint's
	 * message codes ({@code Size}, {@code Pattern.slug}, ...) are looked up first, the
	 * validator's English is the fallback.
	 */
	private List<Map<String, String>> fieldErrors(WebExchangeBindException ex, Locale locale) {
		return ex.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.map((error) -> Map.of("field", error.getField(), "message", fieldMessage(error, locale)))
			.toList();
	}

	private String fieldMessage(FieldError error, Locale locale) {
		MessageSource messages = getMessageSource();
		if (messages == null) {
			return String.valueOf(error.getDefaultMessage());
		}
		try {
			return messages.getMessage(error, locale);
		}
		catch (NoSuchMessageException ex) {
			return String.valueOf(error.getDefaultMessage());
		}
	}

	private String message(String code, Object[] arguments, String english, Locale locale) {
		MessageSource messages = getMessageSource();
		return (messages != null) ? messages.getMessage(code, arguments, english, locale) : english;
	}

}
