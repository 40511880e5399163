package dev.limber.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import static dev.limber.infra.RenderedChart.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart lints, renders valid Kubernetes objects, and keeps migrations apart from
 * the app.
 */
class HelmChartTests {

	static final Map<String, String> PRODUCTION = Map.of("image.repository", "registry.example.com/limber",
			"database.url", "jdbc:postgresql://db.example.com:5432/limber", "database.reportingReadUrl",
			"jdbc:postgresql://db-replica.example.com:5432/limber", "database.app.password", "app-secret",
			"database.owner.password", "owner-secret", "security.platformIssuerUri",
			"https://login.example.com/realms/platform", "serviceMonitor.enabled", "true");

	@Test
	void lintsWithoutWarnings() {
		LintResult result = new Helm(RenderedChart.CHART).lint().strict().call();
		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
	}

	/**
	 * Helm leaves hooks out of the release manifest: rendered as plain objects, they can
	 * be inspected.
	 */
	static final Map<String, String> JOB_AS_PLAIN_OBJECT = with(PRODUCTION, "migrations.helmHook", "false");

	@Test
	void theMigrationJobIsAHookThatRunsBeforeTheReleaseObjects() {
		RenderedChart chart = RenderedChart.render(PRODUCTION);
		assertThat(chart.kinds()).doesNotContain("Job").containsOnlyOnce("Secret");
		assertThat(RenderedChart.render(JOB_AS_PLAIN_OBJECT).kinds()).contains("Job");
	}

	@Test
	void rendersEveryObjectAValidKubernetesObject() throws Exception {
		RenderedChart chart = RenderedChart.render(JOB_AS_PLAIN_OBJECT);
		assertThat(chart.kinds()).containsExactly("ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress",
				"Job", "PodDisruptionBudget", "Secret", "Secret", "Service", "ServiceAccount", "ServiceMonitor");
		for (Map<String, Object> object : chart.objects()) {
			if (KubernetesSchema.knows(object)) {
				KubernetesSchema.validate(object);
			}
		}
		Map<String, Object> monitor = chart.one("ServiceMonitor");
		assertThat((String) at(monitor, "apiVersion")).isEqualTo("monitoring.coreos.com/v1");
		assertThat((String) at(monitor, "spec", "endpoints", 0, "path")).isEqualTo("/actuator/prometheus");
		assertThat((String) at(monitor, "spec", "endpoints", 0, "port")).isEqualTo("http");
	}

	@Test
	void aFieldKubernetesDoesNotKnowIsCaught() {
		Map<String, Object> deployment = new HashMap<>(RenderedChart.render(PRODUCTION).one("Deployment"));
		deployment.put("replica", 3);
		assertThatThrownBy(() -> KubernetesSchema.validate(deployment)).hasMessageContaining("replica");
	}

	@Test
	void appPodsServeAsTheRuntimeRoleWithoutMigratingAndWithHealthProbes() {
		RenderedChart chart = RenderedChart.render(PRODUCTION);
		Map<String, Object> config = at(chart.one("ConfigMap"), "data");
		assertThat(config).containsEntry("LIMBER_DB_MIGRATIONS", "skip")
			.containsEntry("LIMBER_DB_APP_USERNAME", "limber_app")
			.containsEntry("LIMBER_SESSIONS_STORE", "redis")
			.containsEntry("LIMBER_DB_REPORTING_READ_URL", "jdbc:postgresql://db-replica.example.com:5432/limber")
			.doesNotContainKey("LIMBER_DB_OWNER_PASSWORD");
		Map<String, Object> container = at(chart.one("Deployment"), "spec", "template", "spec", "containers", 0);
		List<Map<String, Object>> env = at(container, "env");
		assertThat(env).extracting((variable) -> variable.get("name"))
			.contains("LIMBER_DB_APP_PASSWORD")
			.doesNotContain("LIMBER_DB_OWNER_PASSWORD", "LIMBER_DB_OWNER_USERNAME");
		assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
		assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
		assertThat((Boolean) at(container, "securityContext", "runAsNonRoot")).isTrue();
		assertThat((Boolean) at(container, "securityContext", "readOnlyRootFilesystem")).isTrue();
		Object replicas = at(chart.one("Deployment"), "spec", "replicas");
		assertThat(replicas).as("the autoscaler owns the count").isNull();
	}

	@Test
	void migrationJobRunsFlywayAsTheOwnerRole() {
		RenderedChart chart = RenderedChart.render(JOB_AS_PLAIN_OBJECT);
		Map<String, Object> job = chart.one("Job");
		assertThat((String) at(job, "metadata", "name")).isEqualTo("limber-migrate-1");
		List<Map<String, Object>> env = at(job, "spec", "template", "spec", "containers", 0, "env");
		assertThat(env).contains(Map.of("name", "LIMBER_DB_MIGRATIONS", "value", "only"));
		Map<String, Object> ownerPassword = env.stream()
			.filter((variable) -> "LIMBER_DB_OWNER_PASSWORD".equals(variable.get("name")))
			.findFirst()
			.orElseThrow();
		String secret = at(ownerPassword, "valueFrom", "secretKeyRef", "name");
		assertThat(chart.all("Secret"))
			.anySatisfy((candidate) -> assertThat((String) at(candidate, "metadata", "name")).isEqualTo(secret));
		Map<String, Object> serviceSelector = at(chart.one("Service"), "spec", "selector");
		Map<String, Object> jobPodLabels = at(job, "spec", "template", "metadata", "labels");
		assertThat(jobPodLabels.entrySet().containsAll(serviceSelector.entrySet()))
			.as("the Service never sends traffic to the migration pod")
			.isFalse();
	}

	@Test
	void withoutAutoscalingTheDeploymentKeepsItsReplicas() {
		RenderedChart chart = RenderedChart.render(with(PRODUCTION, "autoscaling.enabled", "false"));
		assertThat(chart.kinds()).doesNotContain("HorizontalPodAutoscaler");
		assertThat((Integer) at(chart.one("Deployment"), "spec", "replicas")).isEqualTo(2);
	}

	@Test
	void existingSecretsAreUsedWhenNoPasswordIsGiven() {
		RenderedChart chart = RenderedChart.render(Map.of());
		assertThat(chart.kinds()).doesNotContain("Secret");
		List<Map<String, Object>> env = at(chart.one("Deployment"), "spec", "template", "spec", "containers", 0, "env");
		assertThat(env).anySatisfy((variable) -> assertThat((String) at(variable, "valueFrom", "secretKeyRef", "name"))
			.isEqualTo("limber-db-app"));
	}

	@Test
	void theScrapeTokenIsASecretThatTheAppReadsAndTheServiceMonitorSends() {
		RenderedChart chart = RenderedChart.render(with(with(PRODUCTION, "metrics.scrapeToken", "scrape-secret"),
				"publicBaseUrl", "https://limber.example.com"));
		assertThat(chart.all("Secret"))
			.anySatisfy((secret) -> assertThat((String) at(secret, "stringData", "token")).isEqualTo("scrape-secret"));
		List<Map<String, Object>> env = at(chart.one("Deployment"), "spec", "template", "spec", "containers", 0, "env");
		assertThat(env)
			.anySatisfy((variable) -> assertThat(variable.get("name")).isEqualTo("LIMBER_METRICS_SCRAPE_TOKEN"));
		assertThat(
				(String) at(chart.one("ServiceMonitor"), "spec", "endpoints", 0, "authorization", "credentials", "key"))
			.isEqualTo("token");
		assertThat((Map<String, Object>) at(chart.one("ConfigMap"), "data")).containsEntry("LIMBER_PUBLIC_BASE_URL",
				"https://limber.example.com");
	}

	@Test
	void aMissingDatabaseUrlStopsTheRender() {
		assertThatThrownBy(() -> RenderedChart.render(Map.of("database.url", "")))
			.hasMessageContaining("database.url is required");
	}

	private static Map<String, String> with(Map<String, String> values, String name, String value) {
		Map<String, String> changed = new HashMap<>(values);
		changed.put(name, value);
		return changed;
	}

}
