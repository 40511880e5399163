package dev.limber.organizations.scim;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;

/**
 * SCIM's own JSON: the UnboundID SDK's mapper (schemas, extensions, dates), kept apart
 * from the application's JSON codecs. Also smooths over what real clients send that the
 * RFC does not: Entra ID capitalizes patch ops ("Replace") and sends booleans as strings.
 */
final class ScimJson {

	static final String MEDIA_TYPE = "application/scim+json";

	private static final ObjectMapper mapper = JsonUtils.createObjectMapper();

	private ScimJson() {
	}

	static String write(Object value) {
		try {
			return mapper.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("SCIM resources always serialize", ex);
		}
	}

	static <T> T read(String json, Class<T> type) throws ScimException {
		try {
			T value = mapper.readValue(json, type);
			if (value == null) {
				throw BadRequestException
					.invalidSyntax("The body must be a SCIM " + type.getSimpleName() + ", not null.");
			}
			return value;
		}
		catch (JsonProcessingException ex) {
			throw BadRequestException.invalidSyntax(
					"The body is not a valid SCIM " + type.getSimpleName().replace("Resource", "") + where(ex) + ".");
		}
	}

	static PatchRequest readPatch(String json) throws ScimException {
		try {
			ObjectNode tree = (ObjectNode) mapper.readTree(json);
			if (tree == null) {
				throw BadRequestException.invalidSyntax("The body must be a SCIM PatchOp, not null.");
			}
			JsonNode operations = tree.get("Operations");
			if (operations != null) {
				ArrayNode normalized = mapper.createArrayNode();
				for (JsonNode operation : operations) {
					normalize((ObjectNode) operation);
					normalized.addAll(expandMemberRemoval((ObjectNode) operation));
				}
				tree.set("Operations", normalized);
			}
			return mapper.treeToValue(tree, PatchRequest.class);
		}
		catch (JsonProcessingException | ClassCastException ex) {
			throw BadRequestException.invalidSyntax("The body is not a valid SCIM PatchOp.");
		}
	}

	private static void normalize(ObjectNode operation) {
		JsonNode op = operation.get("op");
		if (op != null && op.isTextual()) {
			operation.set("op", new TextNode(op.asText().toLowerCase(Locale.ROOT)));
		}
		JsonNode value = operation.get("value");
		JsonNode path = operation.get("path");
		if (value instanceof ObjectNode object && object.has("active")) {
			object.set("active", booleanIfString(object.get("active")));
		}
		else if (value != null && path != null && "active".equalsIgnoreCase(path.asText())) {
			operation.set("value", booleanIfString(value));
		}
	}

	/**
	 * Entra ID removes group members with {@code path: members} and the members in
	 * {@code value}; RFC 7644 expresses that as one filtered path per member.
	 */
	private static ArrayNode expandMemberRemoval(ObjectNode operation) {
		ArrayNode result = mapper.createArrayNode();
		JsonNode value = operation.get("value");
		boolean entraRemoval = "remove".equals(operation.path("op").asText())
				&& "members".equalsIgnoreCase(operation.path("path").asText()) && value != null && value.isArray();
		if (!entraRemoval) {
			return result.add(operation);
		}
		for (JsonNode member : value) {
			ObjectNode single = mapper.createObjectNode();
			single.put("op", "remove");
			single.put("path", "members[value eq \"" + member.path("value").asText().replace("\"", "") + "\"]");
			result.add(single);
		}
		return result;
	}

	private static JsonNode booleanIfString(JsonNode value) {
		if (value.isTextual()
				&& ("true".equalsIgnoreCase(value.asText()) || "false".equalsIgnoreCase(value.asText()))) {
			return mapper.getNodeFactory().booleanNode(Boolean.parseBoolean(value.asText().toLowerCase(Locale.ROOT)));
		}
		return value;
	}

	static <T> T convert(ObjectNode node, Class<T> type) throws ScimException {
		try {
			return JsonUtils.nodeToValue(node, type);
		}
		catch (JsonProcessingException ex) {
			// the parser's own message names Java types and token kinds: say
			// only which attribute
			throw BadRequestException.invalidValue("The patched resource is not valid" + where(ex) + ".");
		}
	}

	/**
	 * Which attribute a parse error is about, from the names in the client's own JSON.
	 */
	private static String where(JsonProcessingException ex) {
		if (ex instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String path = mapping.getPath()
				.stream()
				.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
						: String.valueOf(reference.getIndex()))
				.collect(java.util.stream.Collectors.joining("."));
			String safe = path.replaceAll("[^A-Za-z0-9:._-]", "");
			return ": attribute '" + (safe.length() > 100 ? safe.substring(0, 100) : safe)
					+ "' has a value of the wrong type";
		}
		return "";
	}

	static String error(int status, String scimType, String detail) {
		ErrorResponse error = new ErrorResponse(status);
		error.setScimType(scimType);
		error.setDetail(detail);
		return write(error);
	}

}
