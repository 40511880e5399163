package dev.limber.kernel.problem;

import java.net.URI;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

/**
 * A problem in the caller's language ({@code Accept-Language}). The title belongs to the
 * problem type (RFC 9457), so it is looked up as {@code problem.title.<type>}, for
 * example {@code problem.title.not-found}; the {@code type} URI itself never changes. A
 * detail is translated when its {@link ApiException} names a message code. Without a
 * message the English stays.
 */
@Component
public class ProblemMessages {

	private static final String TYPE_PREFIX = "/problems/";

	private final MessageSource messages;

	public ProblemMessages(MessageSource messages) {
		this.messages = messages;
	}

	public ProblemDetail localize(ProblemDetail problem, Locale locale) {
		problem.setTitle(title(problem.getType(), problem.getTitle(), locale));
		return problem;
	}

	/** The body of an expected failure, with its detail and title in {@code locale}. */
	public ProblemDetail localize(ErrorResponse error, Locale locale) {
		return localize(error.updateAndGetBody(this.messages, locale), locale);
	}

	public String title(URI type, String english, Locale locale) {
		String path = (type != null) ? type.toString() : "";
		if (!path.startsWith(TYPE_PREFIX)) {
			return english;
		}
		return this.messages.getMessage("problem.title." + path.substring(TYPE_PREFIX.length()), null, english, locale);
	}

}
