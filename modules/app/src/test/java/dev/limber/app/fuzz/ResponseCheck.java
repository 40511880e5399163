package dev.limber.app.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Holds one response to what /v3/api-docs promises for its operation: a documented
 * status, a documented content type, a body whose types and required properties match the
 * schema.
 */
final class ResponseCheck {

	private static final ObjectMapper json = new ObjectMapper();

	private final ApiModel model;

	ResponseCheck(ApiModel model) {
		this.model = model;
	}

	/** What is wrong with the response; empty when it is as documented. */
	List<String> problems(ApiModel.Op op, int status, String contentType, byte[] body) {
		List<String> problems = new ArrayList<>();
		if (status >= 500) {
			problems.add("server error " + status);
		}
		ApiResponse documented = op.operation().getResponses().get(String.valueOf(status));
		if (documented == null) {
			documented = op.operation().getResponses().get("default");
		}
		if (documented == null) {
			problems.add("status " + status + " is not documented (" + op.operation().getResponses().keySet() + ")");
			return problems;
		}
		boolean hasBody = body != null && body.length > 0;
		Content content = documented.getContent();
		if (!hasBody) {
			return problems;
		}
		if (content == null || content.isEmpty()) {
			problems.add("status " + status + " documents no body but one came (" + contentType + ")");
			return problems;
		}
		MediaType media = matching(content, contentType);
		if (media == null) {
			problems.add("content type " + contentType + " is not documented for " + status + " " + content.keySet());
			return problems;
		}
		if (contentType != null && contentType.contains("json") && media.getSchema() != null) {
			try {
				validate(media.getSchema(), json.readTree(body), "$", problems, 0);
			}
			catch (java.io.IOException ex) {
				problems.add("body is not JSON: " + ex.getMessage());
			}
		}
		return problems;
	}

	private static MediaType matching(Content content, String contentType) {
		if (contentType == null) {
			return null;
		}
		org.springframework.http.MediaType actual = org.springframework.http.MediaType.parseMediaType(contentType);
		for (Map.Entry<String, MediaType> entry : content.entrySet()) {
			if (org.springframework.http.MediaType.parseMediaType(entry.getKey()).isCompatibleWith(actual)) {
				return entry.getValue();
			}
		}
		return null;
	}

	private void validate(Schema<?> declared, JsonNode node, String at, List<String> problems, int depth) {
		Schema<?> schema = this.model.resolve(declared);
		if (schema == null || depth > 20 || node == null || node.isNull() || problems.size() > 5) {
			// null: the response records do not mark which properties may be null
			return;
		}
		Set<String> types = ApiModel.types(schema);
		if (!types.isEmpty() && !types.contains(typeOf(node)) && !(types.contains("number") && node.isNumber())) {
			problems.add(at + " is " + typeOf(node) + ", documented " + types);
			return;
		}
		if (node.isObject()) {
			if (schema.getRequired() != null) {
				for (String required : schema.getRequired()) {
					if (!node.has(required)) {
						problems.add(at + " lacks required property " + required);
					}
				}
			}
			if (schema.getProperties() != null) {
				for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
					Map.Entry<String, JsonNode> field = fields.next();
					Schema<?> property = schema.getProperties().get(field.getKey());
					if (property != null) {
						validate(property, field.getValue(), at + "." + field.getKey(), problems, depth + 1);
					}
				}
			}
		}
		else if (node.isArray() && schema.getItems() != null) {
			for (int i = 0; i < node.size(); i++) {
				validate(schema.getItems(), node.get(i), at + "[" + i + "]", problems, depth + 1);
			}
		}
	}

	private static String typeOf(JsonNode node) {
		if (node.isObject()) {
			return "object";
		}
		if (node.isArray()) {
			return "array";
		}
		if (node.isIntegralNumber()) {
			return "integer";
		}
		if (node.isNumber()) {
			return "number";
		}
		if (node.isBoolean()) {
			return "boolean";
		}
		return node.isTextual() ? "string" : "null";
	}

}
