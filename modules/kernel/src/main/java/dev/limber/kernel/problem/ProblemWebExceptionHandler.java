package dev.limber.kernel.problem;

import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.stereotype.Component;

/**
 * Last line of defence for API requests: whatever escapes controllers and filters is
 * written as a problem, never as a stack trace. Browser page requests fall through to
 * the HTML error pages.
 */
@Component
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemWebExceptionHandler.class);

	private final ServerResponse.Context context;

	private final ProblemMessages messages;

	public ProblemWebExceptionHandler(ServerCodecConfigurer codecs, ProblemMessages messages) {
		this.messages = messages;
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
		if (exchange.getResponse().isCommitted() || PageRequests.wantsHtmlPage(exchange)) {
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
		return ServerResponse.status(status)
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
