package dev.limber.app.apidocs;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Makes /v3/api-docs say what every operation really answers, so clients (and the fuzz
 * suite, which holds the app to it) can rely on it: the refusals any operation can give,
 * as RFC 9457 problems (SCIM's own error format under {@code /scim/}), and JSON instead
 * of {@code *}{@code /*} for bodies.
 */
@Component
class ErrorResponsesCustomizer implements OpenApiCustomizer {

	static final String PROBLEM = "application/problem+json";

	static final String SCIM = "application/scim+json";

	/**
	 * What the input guard, security, validation, the handlers and the rate limits answer
	 * anywhere.
	 */
	private static final Map<String, String> REFUSALS = Map.of("400", "Invalid input (see docs/problems.md)", "401",
			"No valid credentials", "403", "The caller's role does not allow this", "404",
			"No such resource in the caller's organization", "409", "Would duplicate something unique", "413",
			"Body larger than 256 KB", "415", "Body is not JSON", "422", "Well-formed but refused", "429",
			"Past a rate limit; see Retry-After");

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getComponents().addSchemas("Problem", problem());
		openApi.getComponents().addSchemas("ScimError", scimError());
		openApi.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
			boolean scim = path.startsWith("/scim/");
			ApiResponses responses = operation.getResponses();
			responses.values().forEach((response) -> concreteTypes(response.getContent(), scim));
			if (operation.getRequestBody() != null) {
				concreteRequestTypes(operation.getRequestBody().getContent(), scim);
			}
			REFUSALS.forEach((status, description) -> responses
				.putIfAbsent(status, new ApiResponse().description(description)
					.content(new Content().addMediaType(scim ? SCIM : PROBLEM, new MediaType()
						.schema(new Schema<>().$ref("#/components/schemas/" + (scim ? "ScimError" : "Problem")))))));
		}));
	}

	/**
	 * {@code *}{@code /*} is what springdoc says when a method does not name its type: it
	 * is JSON.
	 */
	private static void concreteTypes(Content content, boolean scim) {
		if (content == null) {
			return;
		}
		MediaType any = content.remove("*/*");
		if (any != null) {
			content.addMediaType(scim ? SCIM : "application/json",
					scim ? new MediaType().schema(new ObjectSchema()) : any);
		}
	}

	private static void concreteRequestTypes(Content content, boolean scim) {
		if (scim && content != null && content.get("application/json") != null) {
			content.addMediaType(SCIM, new MediaType().schema(new ObjectSchema()));
			content.put("application/json", new MediaType().schema(new ObjectSchema()));
		}
	}

	private static Schema<?> problem() {
		return new ObjectSchema().description("RFC 9457 problem details; type is stable (docs/problems.md)")
			.addProperty("type", new StringSchema())
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.required(List.of("type", "title", "status"));
	}

	private static Schema<?> scimError() {
		return new ObjectSchema().description("SCIM error (RFC 7644 section 3.12)")
			.addProperty("schemas", new ArraySchema().items(new StringSchema()))
			.addProperty("status", new StringSchema())
			.addProperty("scimType", new StringSchema())
			.addProperty("detail", new StringSchema())
			.required(List.of("schemas", "status"));
	}

}
