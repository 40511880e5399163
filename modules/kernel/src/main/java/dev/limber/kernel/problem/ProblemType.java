package dev.limber.kernel.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Stable {@code type} URIs of Limber's RFC 9457 problem responses. Clients may switch on
 * them; they never change meaning. Relative URIs, documented in docs/problems.md.
 */
public enum ProblemType {

	VALIDATION("validation-failed"), MALFORMED_REQUEST("malformed-request"), NOT_FOUND("not-found"),
	METHOD_NOT_ALLOWED("method-not-allowed"), NOT_ACCEPTABLE("not-acceptable"),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"), PAYLOAD_TOO_LARGE("payload-too-large"),
	UNAUTHORIZED("unauthorized"), FORBIDDEN("forbidden"), CONFLICT("conflict"), UNPROCESSABLE("unprocessable"),
	TOO_MANY_REQUESTS("too-many-requests"), INTERNAL("internal-error"), UNAVAILABLE("unavailable");

	private final URI uri;

	ProblemType(String slug) {
		this.uri = URI.create("/problems/" + slug);
	}

	public URI uri() {
		return this.uri;
	}

	/** The type a bare status maps to, for problems that did not name their own. */
	public static ProblemType forStatus(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		if (known == null) {
			return status.is4xxClientError() ? MALFORMED_REQUEST : INTERNAL;
		}
		return switch (known) {
			case BAD_REQUEST -> MALFORMED_REQUEST;
			case UNAUTHORIZED -> UNAUTHORIZED;
			case FORBIDDEN -> FORBIDDEN;
			case NOT_FOUND -> NOT_FOUND;
			case METHOD_NOT_ALLOWED -> METHOD_NOT_ALLOWED;
			case NOT_ACCEPTABLE -> NOT_ACCEPTABLE;
			case CONFLICT -> CONFLICT;
			case CONTENT_TOO_LARGE -> PAYLOAD_TOO_LARGE;
			case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_MEDIA_TYPE;
			case UNPROCESSABLE_CONTENT -> UNPROCESSABLE;
			case TOO_MANY_REQUESTS -> TOO_MANY_REQUESTS;
			case SERVICE_UNAVAILABLE -> UNAVAILABLE;
			default -> status.is4xxClientError() ? MALFORMED_REQUEST : INTERNAL;
		};
	}

}
