package dev.limber.organizations.scim;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays what Microsoft Entra ID and Okta send when they provision an organization, and
 * checks the members and teams that result.
 */
class ScimProvisioningTests extends ModuleIntegrationTest {

	static final MediaType SCIM = MediaType.parseMediaType("application/scim+json");

	TestOrganization organization;

	String scimToken;

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	@BeforeEach
	void organizationWithScimToken() {
		this.organization = onboard("scim");
		this.scimToken = rotateToken(this.organization);
	}

	@Test
	void entraIdProvisioningSequence() {
		scim("GET", "/scim/v2/Users?filter=" + "userName eq \"alex@contoso.test\"", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalResults")
			.isEqualTo(0);

		String userId = id(scim("POST", "/scim/v2/Users", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
				             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
				 "externalId": "0f3a-oid-alex", "userName": "alex@contoso.test", "active": true,
				 "displayName": "Alex Wilber",
				 "emails": [{"primary": true, "type": "work", "value": "alex@contoso.test"}],
				 "addresses": [{"type": "work", "locality": "Seattle"}],
				 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Retail"}}""")
			.expectStatus()
			.isCreated());

		scim("GET", "/scim/v2/Users?filter=" + "userName eq \"alex@contoso.test\"", null).expectBody()
			.jsonPath("$.totalResults")
			.isEqualTo(1)
			.jsonPath("$.Resources[0].id")
			.isEqualTo(userId);
		scim("GET", "/scim/v2/Users?filter=" + "externalId eq \"0f3a-oid-alex\"", null).expectBody()
			.jsonPath("$.totalResults")
			.isEqualTo(1);

		String groupId = id(scim("POST", "/scim/v2/Groups", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "externalId": "grp-1",
				 "displayName": "Retail Stretchers", "members": []}""").expectStatus().isCreated());

		scim("PATCH", "/scim/v2/Groups/" + groupId, """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "Add", "path": "members", "value": [{"value": "%s"}]}]}""".formatted(userId))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.members[0].value")
			.isEqualTo(userId);

		// First sign-in: the token's oid is the externalId Entra provisioned, so it is
		// the same member.
		String token = this.organization.token("alex", Map.of("oid", "0f3a-oid-alex"));
		me(token).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(userId)
			.jsonPath("$.department")
			.isEqualTo("Retail")
			.jsonPath("$.teams[0]")
			.isEqualTo("Retail Stretchers");

		scim("PATCH", "/scim/v2/Groups/" + groupId, """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "Remove", "path": "members", "value": [{"value": "%s"}]}]}""".formatted(userId))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.members")
			.isEmpty();

		scim("PATCH", "/scim/v2/Users/" + userId, """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "Replace", "path": "active", "value": "False"}]}""").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(false);

		me(this.organization.token("alex", Map.of("oid", "0f3a-oid-alex", "department", "Other"))).expectStatus()
			.isUnauthorized();

		scim("DELETE", "/scim/v2/Users/" + userId, null).expectStatus().isNoContent();
		scim("GET", "/scim/v2/Users/" + userId, null).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.schemas[0]")
			.isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
	}

	@Test
	void oktaStyleReplaceAndFilteredRemove() {
		String userId = id(scim("POST", "/scim/v2/Users",
				"""
						{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "dana@okta.test",
						 "externalId": "00u1okta", "name": {"givenName": "Dana", "familyName": "Scully", "formatted": "Dana Scully"},
						 "active": true}""")
			.expectStatus()
			.isCreated());
		String groupId = id(scim("POST", "/scim/v2/Groups", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Night Shift",
				 "members": [{"value": "%s"}]}""".formatted(userId)).expectStatus().isCreated());
		scim("PATCH", "/scim/v2/Groups/" + groupId, """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "remove", "path": "members[value eq \\"%s\\"]"}]}""".formatted(userId))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.members")
			.isEmpty();
		scim("PUT", "/scim/v2/Users/" + userId, """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "dana@okta.test",
				 "externalId": "00u1okta", "displayName": "Dana Scully", "active": false}""").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(false);
		scim("POST", "/scim/v2/Users", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "DANA@okta.test"}""")
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.scimType")
			.isEqualTo("uniqueness");
	}

	@Test
	void discoveryEndpointsDescribeTheService() {
		scim("GET", "/scim/v2/ServiceProviderConfig", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.patch.supported")
			.isEqualTo(true);
		scim("GET", "/scim/v2/ResourceTypes", null).expectBody().jsonPath("$.totalResults").isEqualTo(2);
		scim("GET", "/scim/v2/Schemas", null).expectBody().jsonPath("$.totalResults").isEqualTo(3);
	}

	@Test
	void tokensAreRequiredScopedToTheirOrganizationAndRotatable() {
		this.http.get().uri("/scim/v2/Users").exchange().expectStatus().isUnauthorized();
		scim("POST", "/scim/v2/Users", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "secret@scim.test"}""")
			.expectStatus()
			.isCreated();

		TestOrganization other = onboard("other");
		String otherToken = rotateToken(other);
		this.http.get()
			.uri("/scim/v2/Users?filter={filter}", "userName eq \"secret@scim.test\"")
			.headers((headers) -> headers.setBearerAuth(otherToken))
			.exchange()
			.expectBody()
			.jsonPath("$.totalResults")
			.isEqualTo(0);

		String oldToken = this.scimToken;
		this.scimToken = rotateToken(this.organization);
		this.http.get()
			.uri("/scim/v2/Users")
			.headers((headers) -> headers.setBearerAuth(oldToken))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		scim("GET", "/scim/v2/Users?filter=" + "userName eq \"secret@scim.test\"", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalResults")
			.isEqualTo(1);
	}

	@Test
	void employeesCannotRotateTheScimToken() {
		this.http.post()
			.uri("/api/v1/org/scim-token")
			.headers((headers) -> headers.setBearerAuth(this.organization.employee("eve")))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void eligibleHeadcountsFollowEveryMemberChange() {
		String retail = user("r1", "Retail", "Seattle");
		user("r2", "Retail", "Seattle");
		String ops = user("o1", "Ops", "Berlin");
		assertHeadcountsMatchTheMembers();

		replace(retail, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "\"Ops\"");
		assertHeadcountsMatchTheMembers();
		replace(ops, "active", "false");
		assertHeadcountsMatchTheMembers();
		replace(ops, "active", "true");
		assertHeadcountsMatchTheMembers();
		scim("DELETE", "/scim/v2/Users/" + retail, null).expectStatus().isNoContent();
		assertHeadcountsMatchTheMembers();
		// a sign-in whose claims name another department moves the member too
		me(this.organization.token("walk-in", Map.of("department", "Legal", "location", "Paris"))).expectStatus()
			.isOk();
		me(this.organization.token("walk-in", Map.of("department", "Retail", "location", "Paris"))).expectStatus()
			.isOk();
		assertHeadcountsMatchTheMembers();
		assertThat(
				headcounts("select department || '/' || location as atom, members from organizations.member_headcount "
						+ "where members > 0"))
			.containsEntry("Retail/Paris", 1L)
			.doesNotContainKey("Legal/Paris");
	}

	@Test
	void membersWhoSignedInBeforeScimAreLinkedNotDuplicatedAndCanBeOffboarded() {
		String domain = this.organization.slug() + ".test";
		// three people sign in before SCIM is switched on (the usual order)
		String sam = meId(this.organization.token("sam", Map.of("oid", "oid-sam", "department", "Ops")));
		String kim = meId(this.organization.token("kim", Map.of("department", "Ops")));
		String lee = meId(this.organization.token("lee", Map.of("department", "Ops")));
		assertHeadcountsMatchTheMembers();

		// Entra ID looks the person up by userName first: SSO members show
		// their email there
		scim("GET", "/scim/v2/Users?filter=" + "userName eq \"kim@" + domain + "\"", null).expectBody()
			.jsonPath("$.totalResults")
			.isEqualTo(1)
			.jsonPath("$.Resources[0].id")
			.isEqualTo(kim);
		// and a member without a userName of their own can be patched
		replace(kim, "active", "false");

		// a create with the sign-in's oid as externalId is the same person
		String created = id(scim("POST", "/scim/v2/Users", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "externalId": "oid-sam",
				 "userName": "sam.s@%s", "active": true}""".formatted(domain)).expectStatus().isCreated());
		assertThat(created).isEqualTo(sam);
		// as is a create with the same email
		String byEmail = id(scim("POST", "/scim/v2/Users", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "externalId": "00u-lee",
				 "userName": "lee@%s", "emails": [{"value": "lee@%s", "primary": true}]}""".formatted(domain, domain))
			.expectStatus()
			.isCreated());
		assertThat(byEmail).isEqualTo(lee);

		replace(sam, "active", "false");
		scim("DELETE", "/scim/v2/Users/" + lee, null).expectStatus().isNoContent();
		me(this.organization.token("sam", Map.of("oid", "oid-sam"))).expectStatus().isUnauthorized();
		me(this.organization.token("kim", Map.of())).expectStatus().isUnauthorized();
		assertHeadcountsMatchTheMembers();
		// sam and kim, once each (lee deleted); the admin who made the SCIM token is the
		// one other member
		String people = "from organizations.member where subject is distinct from 'sub-ada'";
		assertThat(headcounts("select 'all' as atom, count(*) as members " + people)).containsEntry("all", 2L);
		assertThat(headcounts("select 'active' as atom, count(*) as members " + people + " and active"))
			.containsEntry("active", 0L);
	}

	@Test
	void errorsSayWhatIsWrongWithoutTheParsersInternals() {
		String userId = user("parse", "Ops", "Berlin");
		byte[] body = scim("PATCH", "/scim/v2/Users/" + userId, """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "replace", "path": "active", "value": {"nested": [1, 2]}}]}""").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.schemas[0]")
			.isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error")
			.returnResult()
			.getResponseBodyContent();
		assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).contains("active")
			.doesNotContain("java.", "JsonToken", "`", "com.", "line:", "column:");
	}

	private String meId(String token) {
		Map<?, ?> body = me(token).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		return (String) body.get("id");
	}

	private String user(String name, String department, String city) {
		return id(scim("POST", "/scim/v2/Users", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
				             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
				 "userName": "%s@scim.test", "active": true, "addresses": [{"type": "work", "locality": "%s"}],
				 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "%s"}}""".formatted(name,
				city, department))
			.expectStatus()
			.isCreated());
	}

	/** The counts every HR report reads equal a fresh count of the active members. */
	private void assertHeadcountsMatchTheMembers() {
		assertThat(
				headcounts("select department || '/' || location as atom, members from organizations.member_headcount "
						+ "where members > 0"))
			.isEqualTo(headcounts("select coalesce(department, '') || '/' || coalesce(location, '') as atom, "
					+ "count(*) as members from organizations.member where active group by 1"));
	}

	private Map<String, Long> headcounts(String sql) {
		return this.database.sql(sql)
			.map((row, metadata) -> Map.entry(row.get("atom", String.class),
					row.get("members", Number.class).longValue()))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(new TenantId(this.organization.id())))
			.block();
	}

	private String rotateToken(TestOrganization target) {
		Map<?, ?> body = this.http.post()
			.uri("/api/v1/org/scim-token")
			.headers((headers) -> headers.setBearerAuth(target.admin("ada")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) body.get("token");
	}

	private void replace(String userId, String path, String jsonValue) {
		scim("PATCH", "/scim/v2/Users/" + userId, """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "Replace", "path": "%s", "value": %s}]}""".formatted(path, jsonValue))
			.expectStatus()
			.isOk();
	}

	private WebTestClient.ResponseSpec scim(String method, String uri, String body) {
		WebTestClient.RequestBodySpec request = this.http.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(this.scimToken));
		if (body == null) {
			return request.exchange();
		}
		return request.contentType(SCIM).bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec me(String token) {
		return this.http.get().uri("/api/v1/me").headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private static String id(WebTestClient.ResponseSpec response) {
		Map<?, ?> body = response.expectBody(Map.class).returnResult().getResponseBody();
		assertThat(body).isNotNull();
		assertThat(body.get("id")).isNotNull();
		return (String) body.get("id");
	}

}
