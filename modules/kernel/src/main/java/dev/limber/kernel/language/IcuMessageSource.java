package dev.limber.kernel.language;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.MessageFormat;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.ObjectUtils;

/**
 * The message bundles, formatted with ICU's MessageFormat instead of java.text's, so that
 * a message can say {@code {0, plural, one {# day in a row} other {# days in a row}}} and
 * get each language's plural rules from CLDR. As with Spring's own source, a message
 * without arguments is returned as written; with arguments, ICU's quoting applies: an
 * apostrophe is kept unless it quotes a brace (java.text would drop a single one). In the
 * kernel so that a module's own tests format its texts as the application does.
 */
public class IcuMessageSource extends ResourceBundleMessageSource {

	/** Parsed bundle patterns per locale; the bundles are finite, so this stays small. */
	private final Map<String, Map<Locale, MessageFormat>> formats = new ConcurrentHashMap<>();

	@Override
	protected String getMessageInternal(String code, Object[] args, Locale locale) {
		if (code == null || ObjectUtils.isEmpty(args)) {
			return super.getMessageInternal(code, args, locale);
		}
		Locale target = (locale != null) ? locale : Locale.getDefault();
		// without arguments the parent class hands back the pattern as written
		String pattern = super.getMessageInternal(code, null, target);
		if (pattern == null) {
			return null;
		}
		MessageFormat format = this.formats.computeIfAbsent(pattern, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(target, (key) -> new MessageFormat(pattern, target));
		return format(format, resolveArguments(args, target));
	}

	/**
	 * Default messages (given by the caller, not from a bundle) are formatted the same
	 * way, uncached.
	 */
	@Override
	protected String formatMessage(String message, Object[] args, Locale locale) {
		if (ObjectUtils.isEmpty(args)) {
			return message;
		}
		return format(new MessageFormat(message, locale), resolveArguments(args, locale));
	}

	private static String format(MessageFormat format, Object[] args) {
		// an ICU MessageFormat is not safe for concurrent use
		synchronized (format) {
			return format.format(args);
		}
	}

}
