package dev.limber.app.database;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * Which requests are event streams: a GET that asks for {@code text/event-stream} and
 * that one of the handlers producing it answers. The {@code Accept} header alone does not
 * make one, or any slow GET could claim a stream's longer deadline and its patience for a
 * connection by asking for it.
 */
@Component
class EventStreamRequests {

	private final List<RequestMappingInfo> streams;

	EventStreamRequests(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
		this.streams = handlers.getHandlerMethods()
			.keySet()
			.stream()
			.filter((mapping) -> mapping.getProducesCondition()
				.getProducibleMediaTypes()
				.stream()
				.anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype))
			.toList();
	}

	boolean isEventStream(ServerWebExchange exchange) {
		return HttpMethod.GET.equals(exchange.getRequest().getMethod()) && asksForAnEventStream(exchange)
				&& this.streams.stream().anyMatch((stream) -> stream.getMatchingCondition(exchange) != null);
	}

	/**
	 * As a browser's EventSource does; a request that accepts anything gets the answer
	 * for anything.
	 */
	private static boolean asksForAnEventStream(ServerWebExchange exchange) {
		return exchange.getRequest()
			.getHeaders()
			.getAccept()
			.stream()
			.anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
	}

}
