package dev.limber.app;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md names every setting the code reads: each property of every
 * {@code @ConfigurationProperties} record, every {@code @Value} placeholder, every
 * {@code limber.*} key in application*.yml, and every environment variable those files
 * read.
 */
class OperationsDocumentationTests {

	static final Path OPERATIONS = Path.of("../../docs/operations.md");

	@Test
	void everySettingTheCodeReadsIsDocumented() throws Exception {
		Set<String> settings = new TreeSet<>();
		for (Class<?> type : limberClasses()) {
			ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
			if (properties != null && type.isRecord()) {
				collect(properties.value().isEmpty() ? properties.prefix() : properties.value(), type, settings);
			}
			settings.addAll(valuePlaceholders(type));
		}
		for (String file : List.of("application.yml", "application-dev.yml")) {
			settings.addAll(limberKeysAndEnvironment(file));
		}
		assertThat(settings).as("settings found in the code")
			.contains("limber.db.url", "limber.sessions.store", "limber.db.migrations",
					"limber.reporting.ingestion.enabled", "LIMBER_DB_URL", "PORT");
		String documentation = Files.readString(OPERATIONS);
		List<String> missing = settings.stream()
			.filter((setting) -> !documentation.contains("`" + setting + "`"))
			.toList();
		assertThat(missing).as("settings read by the code but not in docs/operations.md (as `name`)").isEmpty();
	}

	/**
	 * Property names of a configuration record, nested records flattened, in kebab case.
	 */
	private static void collect(String prefix, Class<?> type, Set<String> settings) {
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + kebab(component.getName());
			Class<?> valueType = component.getType();
			if (valueType.isRecord()) {
				collect(name, valueType, settings);
			}
			else {
				settings.add(name);
			}
		}
	}

	private static Set<String> valuePlaceholders(Class<?> type) {
		List<AnnotatedElement> elements = new ArrayList<>(List.of(type.getDeclaredFields()));
		elements.addAll(List.of(type.getDeclaredMethods()));
		Stream.of(type.getDeclaredConstructors())
			.forEach((constructor) -> elements.addAll(List.of(constructor.getParameters())));
		Stream.of(type.getDeclaredMethods()).forEach((method) -> elements.addAll(List.of(method.getParameters())));
		Set<String> names = new TreeSet<>();
		for (AnnotatedElement element : elements) {
			Value value = element.getAnnotation(Value.class);
			if (value != null) {
				names.addAll(placeholders(value.value()));
			}
		}
		return names;
	}

	private static Set<String> limberKeysAndEnvironment(String file) throws IOException {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource(file));
		Properties properties = yaml.getObject();
		Set<String> names = new TreeSet<>();
		for (String key : properties.stringPropertyNames()) {
			if (key.startsWith("limber.")) {
				names.add(key);
			}
			placeholders(properties.getProperty(key)).stream()
				.filter((placeholder) -> placeholder.equals(placeholder.toUpperCase()))
				.forEach(names::add);
		}
		return names;
	}

	private static Set<String> placeholders(String expression) {
		Set<String> names = new TreeSet<>();
		Matcher placeholder = Pattern.compile("\\$\\{([^:}]+)").matcher(expression);
		while (placeholder.find()) {
			names.add(placeholder.group(1));
		}
		return names;
	}

	private static Collection<Class<?>> limberClasses() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*")));
		List<Class<?>> classes = new ArrayList<>();
		ClassLoader loader = OperationsDocumentationTests.class.getClassLoader();
		for (var candidate : scanner.findCandidateComponents("dev.limber")) {
			Class<?> type = Class.forName(candidate.getBeanClassName(), false, loader);
			String location = type.getProtectionDomain().getCodeSource().getLocation().toString();
			if (!location.contains("test-classes") && !location.contains("-tests.jar")) {
				classes.add(type);
			}
		}
		return classes;
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
	}

}
