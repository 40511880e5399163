package dev.limber.kernel.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Small helpers shared by the places that write problem responses. */
public final class Problems {

	private static final URI BLANK = URI.create("about:blank");

	private Problems() {
	}

	/** Gives a problem without its own type the stable type of its status. */
	public static ProblemDetail completeType(ProblemDetail problem, HttpStatusCode status) {
		if (problem.getType() == null || BLANK.equals(problem.getType())) {
			problem.setType(ProblemType.forStatus(status).uri());
		}
		return problem;
	}

	public static ProblemDetail of(HttpStatus status, String detail) {
		return completeType(ProblemDetail.forStatusAndDetail(status, detail), status);
	}

}
