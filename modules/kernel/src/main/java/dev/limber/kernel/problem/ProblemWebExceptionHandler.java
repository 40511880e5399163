package dev.limber.kernel.problem;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.stereotype.Component;

import dev.limber.kernel.database.DatabaseFailures;
import dev.limber.kernel.database.DatabaseOutages;

/**
 * Last line of defence for API requests: whatever escapes controllers and filters is
 * written as a problem, never as a stack trace. Browser page requests fall through to the
 * HTML error pages. A database that is away or too slow is not a bug: 503 with
 * {@code Retry-After} (for pages too), counted by {@link DatabaseOutages} instead of a
 * stack trace per request.
 */
@Component
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemWebExceptionHandler.class);

	private final ServerResponse.Context context;

	private final ProblemMessages messages;

	private final DatabaseOutages outages;

	private final String retryAfterSeconds;

	public ProblemWebExceptionHandler(ServerCodecConfigurer codecs, ProblemMessages messages, DatabaseOutages outages,
			@Value("${limber.db.retry-after:2s}") Duration retryAfter) {
		this.messages = messages;
		this.outages = outages;
		this.retryAfterSeconds = String.valueOf(Math.max(1, retryAfter.toSeconds()));
		List<HttpMessageWriter<?>> writers = codecs.getWriters();
		this.context = new ServerResponse.Context() {
			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}
		};
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		if (DatabaseFailures.isUnavailable(ex)) {
			return unavailable(exchange, ex);
		}
		if (PageRequests.wantsHtmlPage(exchange)) {
			if (ex instanceof ErrorResponse error && !(ex instanceof ResponseStatusException)) {
				// the HTML error page knows statuses only from ResponseStatusException;
				// keep Retry-After and the like
				exchange.getResponse().getHeaders().addAll(error.getHeaders());
				return Mono.error(new ResponseStatusException(error.getStatusCode(), error.getBody().getDetail(), ex));
			}
			return Mono.error(ex);
		}
		Locale locale = exchange.getLocaleContext().getLocale();
		ProblemDetail problem = (ex instanceof ErrorResponse error)
				? Problems.completeType(this.messages.localize(error, locale), error.getStatusCode())
				: this.messages.localize(toProblem(ex), locale);
		HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
		if (status.is5xxServerError()) {
			logger.error("Request " + exchange.getRequest().getId() + " failed", ex);
		}
		if (ex instanceof ErrorResponse error) {
			// such as Retry-After of a 429
			exchange.getResponse().getHeaders().addAll(error.getHeaders());
		}
		return write(exchange, problem);
	}

	/**
	 * Nothing was committed: the client may retry (with the same Idempotency-Key) after a
	 * moment.
	 */
	private Mono<Void> unavailable(ServerWebExchange exchange, Throwable ex) {
		this.outages.requestFailed(exchange.getRequest().getId(), ex);
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, this.retryAfterSeconds);
		if (PageRequests.wantsHtmlPage(exchange)) {
			// the friendly "try again in a moment" page, templates/error/503.html
			return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE));
		}
		ApiException problem = new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.UNAVAILABLE,
				"The database is not reachable right now. Please try again in a moment.",
				"problem.detail.database-unavailable");
		return write(exchange, this.messages.localize(problem, exchange.getLocaleContext().getLocale()));
	}

	private Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		return ServerResponse.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(problem)
			.flatMap((response) -> response.writeTo(exchange, this.context));
	}

	static ProblemDetail toProblem(Throwable ex) {
		if (ex instanceof ErrorResponse error) {
			return Problems.completeType(error.getBody(), error.getStatusCode());
		}
		if (ex instanceof DataBufferLimitException) {
			return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
		}
		if (ex instanceof DecodingException) {
			return Problems.of(HttpStatus.BAD_REQUEST, "The request body could not be read.");
		}
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.");
	}

}
