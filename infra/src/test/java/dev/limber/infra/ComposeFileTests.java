package dev.limber.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static dev.limber.infra.RenderedChart.at;
import static org.assertj.core.api.Assertions.assertThat;

/** The compose file is valid Compose and wires Limber the way the chart does. */
class ComposeFileTests {

	static final Path COMPOSE = Path.of("compose", "compose.yaml");

	@Test
	void validatesWithDockerCompose() throws Exception {
		Path dockerCompose = dockerCompose();
		Process config = new ProcessBuilder(dockerCompose.toString(), "-f", COMPOSE.toString(), "config", "--quiet")
			.redirectErrorStream(true)
			.start();
		String output = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(config.exitValue()).as(output).isZero();
	}

	@Test
	void theAppServesWhileAOneOffContainerMigrates() throws IOException {
		Map<String, Object> services = at(new Yaml().load(Files.readString(COMPOSE)), "services");
		assertThat(services).containsKeys("postgres", "redis", "keycloak", "mail", "migrate", "limber");
		Map<String, Object> app = at(services, "limber", "environment");
		assertThat(app).containsEntry("LIMBER_DB_MIGRATIONS", "skip")
			.containsEntry("LIMBER_SESSIONS_STORE", "redis")
			.doesNotContainKey("LIMBER_DB_OWNER_PASSWORD")
			.containsEntry("SPRING_MAIL_HOST", "mail");
		assertThat((Map<String, Object>) at(services, "migrate", "environment")).containsEntry("LIMBER_DB_MIGRATIONS",
				"only");
		assertThat((String) at(services, "limber", "depends_on", "migrate", "condition"))
			.isEqualTo("service_completed_successfully");
	}

	/**
	 * Debian's docker-compose; required when CI says so, as with every tool
	 * install-test-tools.sh installs.
	 */
	private static Path dockerCompose() {
		String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin";
		Path found = Stream.of(path.split(":"))
			.filter((dir) -> !dir.isBlank())
			.map((dir) -> Path.of(dir, "docker-compose"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
		if (found == null) {
			String message = "docker-compose is not installed (Debian: apt-get install docker-compose, or run "
					+ "infra/ci/install-test-tools.sh)";
			if (List.of("1", "true").contains(System.getenv().getOrDefault("LIMBER_REQUIRE_TEST_TOOLS", ""))) {
				Assertions.fail(message + "; LIMBER_REQUIRE_TEST_TOOLS is set, so this check must run");
			}
			Assumptions.abort(message + "; skipping the compose validation");
		}
		return found;
	}

}
