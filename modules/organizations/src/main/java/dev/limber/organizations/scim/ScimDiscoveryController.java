package dev.limber.organizations.scim;

import java.beans.IntrospectionException;
import java.net.URI;
import java.util.List;
import java.util.Set;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.SchemaUtils;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a SCIM client asks before provisioning: capabilities, resource types and schemas.
 */
@RestController
@RequestMapping("/scim/v2")
class ScimDiscoveryController {

	private final List<SchemaResource> schemas;

	ScimDiscoveryController() throws IntrospectionException {
		this.schemas = List.of(SchemaUtils.getSchema(UserResource.class), SchemaUtils.getSchema(GroupResource.class),
				SchemaUtils.getSchema(EnterpriseUserExtension.class));
	}

	@GetMapping("/ServiceProviderConfig")
	ResponseEntity<String> serviceProviderConfig() {
		AuthenticationScheme bearer = new AuthenticationScheme("OAuth Bearer Token",
				"A per-organization token that an organization admin rotates in Limber.",
				URI.create("https://www.rfc-editor.org/rfc/rfc6750"), null, "oauthbearertoken", true);
		return ScimRequests.respond(HttpStatus.OK,
				new ServiceProviderConfigResource(null, new PatchConfig(true), new BulkConfig(false, 0, 0),
						new FilterConfig(true, ScimRequests.MAX_PAGE), new ChangePasswordConfig(false),
						new SortConfig(false), new ETagConfig(false), List.of(bearer)));
	}

	@GetMapping("/ResourceTypes")
	ResponseEntity<String> resourceTypes() {
		return ScimRequests.respond(HttpStatus.OK, new ListResponse<>(resourceTypeList()));
	}

	@GetMapping("/ResourceTypes/{name}")
	ResponseEntity<String> resourceType(@PathVariable String name) throws ResourceNotFoundException {
		return ScimRequests.respond(HttpStatus.OK,
				resourceTypeList().stream()
					.filter((type) -> type.getName().equals(name))
					.findFirst()
					.orElseThrow(() -> new ResourceNotFoundException("No resource type " + name)));
	}

	@GetMapping("/Schemas")
	ResponseEntity<String> schemas() {
		return ScimRequests.respond(HttpStatus.OK, new ListResponse<>(this.schemas));
	}

	@GetMapping("/Schemas/{id}")
	ResponseEntity<String> schema(@PathVariable String id) throws ResourceNotFoundException {
		return ScimRequests.respond(HttpStatus.OK,
				this.schemas.stream()
					.filter((schema) -> schema.getId().equals(id))
					.findFirst()
					.orElseThrow(() -> new ResourceNotFoundException("No schema " + id)));
	}

	private static List<ResourceTypeResource> resourceTypeList() {
		return List.of(
				new ResourceTypeResource("User", "User", "Members of the organization", URI.create("/Users"),
						URI.create(SchemaUtils.getSchemaUrn(UserResource.class)),
						Set.of(new ResourceTypeResource.SchemaExtension(
								URI.create(SchemaUtils.getSchemaUrn(EnterpriseUserExtension.class)), false))),
				new ResourceTypeResource("Group", "Group", "Teams of the organization", URI.create("/Groups"),
						URI.create(SchemaUtils.getSchemaUrn(GroupResource.class)), Set.of()));
	}

}
