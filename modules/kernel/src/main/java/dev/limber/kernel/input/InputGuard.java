package dev.limber.kernel.input;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriUtils;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.problem.ProblemType;

/**
 * Checks every request once, before any controller sees it: no text in the path, the
 * query, a form or a JSON body (values and property names) may hold {@link HostileText},
 * and every value that is a date (or starts as a date-time) must lie in the
 * {@link InputWindow}. Controllers can then bind and store text and dates without each
 * repeating the rules.
 */
@Component
public class InputGuard implements WebFilter, Ordered {

	/** Runs before security: a hostile request is refused the same way for everyone. */
	static final int ORDER = -200;

	private static final Pattern DATE = Pattern.compile("^([+-]?\\d{4,})-(\\d{2})-(\\d{2})(?:[T ].*)?$");

	private final JsonFactory json = new JsonFactory();

	private final InputWindow window;

	private final int limit;

	private final Clock clock;

	public InputGuard(InputWindow window, @Value("${spring.codec.max-in-memory-size:256KB}") DataSize limit,
			Clock clock) {
		this.window = window;
		this.clock = clock;
		this.limit = (int) limit.toBytes();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		try {
			checkText("path", decodedPath(request));
			checkAll(request.getQueryParams());
		}
		catch (ApiException ex) {
			return Mono.error(ex);
		}
		MediaType type = request.getHeaders().getContentType();
		if (type == null || !hasBody(request.getMethod())) {
			return chain.filter(exchange);
		}
		if (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
			return exchange.getFormData().doOnNext(this::checkAll).then(chain.filter(exchange));
		}
		if (isJson(type)) {
			return DataBufferUtils.join(request.getBody(), this.limit)
				.map(InputGuard::bytes)
				.defaultIfEmpty(new byte[0])
				.flatMap((body) -> {
					checkJson(body);
					return chain.filter(exchange.mutate().request(replay(exchange, body)).build());
				});
		}
		return chain.filter(exchange);
	}

	private void checkAll(MultiValueMap<String, String> parameters) {
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			checkText("parameter name", parameter.getKey());
			for (String value : parameter.getValue()) {
				checkValue(parameter.getKey(), value);
			}
		}
	}

	private void checkValue(String name, String value) {
		if (value == null) {
			return;
		}
		checkText(name, value);
		checkDate(name, value);
	}

	private void checkText(String name, String value) {
		if (HostileText.isHostile(value)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION,
					name + " contains control characters or unpaired surrogates.", "problem.detail.hostile-text", name);
		}
	}

	/**
	 * A value that reads as a date must be one inside the window, whatever field it is
	 * for.
	 */
	private void checkDate(String name, String value) {
		Matcher matcher = DATE.matcher(value);
		if (!matcher.matches()) {
			return;
		}
		LocalDate date;
		try {
			date = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
					Integer.parseInt(matcher.group(3)));
		}
		catch (NumberFormatException ex) {
			throw outside(name);
		}
		catch (DateTimeException ex) {
			// 2024-13-45 is no date at all; the field's own parsing says so
			if (yearInWindow(matcher.group(1))) {
				return;
			}
			throw outside(name);
		}
		if (!this.window.contains(date, this.clock)) {
			throw outside(name);
		}
	}

	private boolean yearInWindow(String year) {
		int value = Integer.parseInt(year);
		return value >= this.window.earliestDate().getYear() && value <= this.window.latestDate(this.clock).getYear();
	}

	private ApiException outside(String name) {
		return new ApiException(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION,
				name + " must be a date from " + this.window.earliestDate() + " to "
						+ this.window.latestDate(this.clock) + ".",
				"problem.detail.date-outside-window", name, this.window.earliestDate(),
				this.window.latestDate(this.clock));
	}

	/**
	 * Walks the tokens; a body that is no JSON at all is left to the codec, which answers
	 * 400.
	 */
	private void checkJson(byte[] body) {
		if (body.length == 0) {
			return;
		}
		String field = "body";
		try (JsonParser parser = this.json.createParser(ObjectReadContext.empty(), body)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.PROPERTY_NAME) {
					field = parser.currentName();
					checkText("property name", field);
				}
				else if (token == JsonToken.VALUE_STRING) {
					checkValue(field, parser.getString());
				}
			}
		}
		catch (JacksonException ex) {
			// malformed: the codec's own 400 describes it
		}
	}

	private static String decodedPath(ServerHttpRequest request) {
		try {
			return UriUtils.decode(request.getPath().value(), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("The path is not valid percent-encoding.");
		}
	}

	private static boolean hasBody(HttpMethod method) {
		return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
	}

	private static boolean isJson(MediaType type) {
		return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static ServerHttpRequest replay(ServerWebExchange exchange, byte[] body) {
		return new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}
		};
	}

}
