package dev.limber.kernel.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An expected failure that becomes a problem-details response with a stable type. */
public class ApiException extends ErrorResponseException {

	public ApiException(HttpStatus status, ProblemType type, String detail) {
		super(status, problem(status, type, detail), null);
	}

	/**
	 * A failure whose detail can be read in other languages: {@code detailCode} names the
	 * message (with {@code arguments}), {@code detail} is the English.
	 */
	public ApiException(HttpStatus status, ProblemType type, String detail, String detailCode, Object... arguments) {
		super(status, problem(status, type, detail), null, detailCode, arguments);
	}

	public static ApiException notFound(String what) {
		return new ApiException(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, what + " not found");
	}

	public static ApiException forbidden(String detail) {
		return new ApiException(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, detail);
	}

	public static ApiException conflict(String detail) {
		return new ApiException(HttpStatus.CONFLICT, ProblemType.CONFLICT, detail);
	}

	public static ApiException unprocessable(String detail) {
		return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.UNPROCESSABLE, detail);
	}

	public static ApiException unprocessable(String detail, String detailCode, Object... arguments) {
		return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.UNPROCESSABLE, detail, detailCode,
				arguments);
	}

	public static ApiException tooManyRequests(String detail) {
		return new ApiException(HttpStatus.TOO_MANY_REQUESTS, ProblemType.TOO_MANY_REQUESTS, detail);
	}

	public static ApiException badRequest(String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION, detail);
	}

	private static ProblemDetail problem(HttpStatus status, ProblemType type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type.uri());
		return problem;
	}

}
