package dev.limber.infra;

import java.io.IOException;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/**
 * Checks an object against the Kubernetes API's schema, using the models that the
 * Kubernetes Java client generates from the API's OpenAPI document: unknown fields,
 * missing required fields and wrong shapes are errors, at every level.
 */
final class KubernetesSchema {

	private interface Validator {

		void validate(JsonElement json) throws IOException;

	}

	private static final Map<String, Validator> VALIDATORS = Map.of("apps/v1/Deployment",
			V1Deployment::validateJsonElement, "v1/Service", V1Service::validateJsonElement, "v1/ConfigMap",
			V1ConfigMap::validateJsonElement, "v1/Secret", V1Secret::validateJsonElement, "v1/ServiceAccount",
			V1ServiceAccount::validateJsonElement, "networking.k8s.io/v1/Ingress", V1Ingress::validateJsonElement,
			"autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement,
			"policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement, "batch/v1/Job",
			V1Job::validateJsonElement);

	private KubernetesSchema() {
	}

	/** True when the API version and kind are core Kubernetes ones this class knows. */
	static boolean knows(Map<String, Object> object) {
		return VALIDATORS.containsKey(key(object));
	}

	/** Throws with the offending field when {@code object} does not fit its schema. */
	static void validate(Map<String, Object> object) throws IOException {
		VALIDATORS.get(key(object)).validate(new Gson().toJsonTree(object));
	}

	private static String key(Map<String, Object> object) {
		return object.get("apiVersion") + "/" + object.get("kind");
	}

}
