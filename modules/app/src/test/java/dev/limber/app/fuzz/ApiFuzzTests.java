package dev.limber.app.fuzz;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriUtils;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestIdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema-driven fuzzing of every operation in /v3/api-docs, as every role of one
 * organization (and the platform operator, a SCIM client and nobody), with the other
 * organization's ids in the paths and bodies, hostile text, extreme numbers and dates,
 * nulls, wrong types and broken bodies. A fixed seed and a fixed count per operation keep
 * it repeatable and bounded. Fails on any 5xx, any status, content type or body the
 * document does not promise, any request slower than 5 s, and any of the other
 * organization's ids or names in an answer.
 */
class ApiFuzzTests extends LimberIntegrationTest {

	static final long SEED = 17;

	/**
	 * Requests per operation and role: one plausible, one with foreign ids, the rest
	 * hostile.
	 */
	static final int PER_ROLE = 5;

	static final Duration SLOW = Duration.ofSeconds(5);

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void everyOperationHoldsUnderHostileInput() {
		String document = this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		ApiModel model = ApiModel.parse(document);
		ResponseCheck check = new ResponseCheck(model);
		FuzzTenant own = new FuzzTenant(this.http, onboard("fuzzacme"));
		FuzzTenant foreign = new FuzzTenant(this.http, onboard("fuzzglobex"));
		Map<String, String> roles = new LinkedHashMap<>(own.tokens);
		roles.put("operator", TestIdentityProvider.operatorToken());
		roles.put("anonymous", null);

		Random random = new Random(SEED);
		WebTestClient client = this.http.mutate().responseTimeout(TIMEOUT).build();
		Map<String, List<String>> failures = new TreeMap<>();
		Map<Integer, Integer> statuses = new TreeMap<>();
		int requests = 0;
		long started = System.nanoTime();
		List<ApiModel.Op> operations = model.operations();
		for (ApiModel.Op op : operations) {
			for (Map.Entry<String, String> role : roles.entrySet()) {
				for (int n = 0; n < PER_ROLE; n++) {
					FuzzTenant idsFrom = (n == 1) ? foreign : own;
					Request request = request(model, op, idsFrom, own, random, n >= 2);
					requests++;
					long before = System.nanoTime();
					EntityExchangeResult<byte[]> result;
					try {
						result = send(client, op, request, role.getValue());
					}
					catch (IllegalStateException ex) {
						failures
							.computeIfAbsent(op + " :: no answer within " + TIMEOUT.toSeconds() + " s",
									(key) -> new ArrayList<>())
							.add(role.getKey() + " " + request.describe());
						continue;
					}
					Duration took = Duration.ofNanos(System.nanoTime() - before);
					statuses.merge(result.getStatus().value(), 1, Integer::sum);
					String contentType = (result.getResponseHeaders().getContentType() != null)
							? result.getResponseHeaders().getContentType().toString() : null;
					List<String> problems = new ArrayList<>(
							check.problems(op, result.getStatus().value(), contentType, result.getResponseBody()));
					if (took.compareTo(SLOW) > 0) {
						problems.add("took " + took.toMillis() + " ms");
					}
					if (!role.getKey().equals("operator")) {
						problems.addAll(foreignData(result.getResponseBody(), request, foreign));
					}
					for (String problem : problems) {
						failures.computeIfAbsent(op + " :: " + problem, (key) -> new ArrayList<>())
							.add(role.getKey() + " " + request.describe());
					}
				}
			}
		}
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		StringBuilder report = new StringBuilder(
				"fuzz: " + operations.size() + " operations, " + requests + " requests, " + seconds + " s, statuses "
						+ statuses + ", " + failures.size() + " kinds of failure\n");
		failures.forEach((kind, cases) -> report.append(kind)
			.append(" (")
			.append(cases.size())
			.append("x), e.g. ")
			.append(abbreviate(cases.get(0)))
			.append('\n'));
		System.out.println(report);
		assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(50);
		// the plausible requests get through to the handlers, so the hostile ones are
		// held to the same code
		assertThat(statuses.entrySet().stream().filter((e) -> e.getKey() < 300).mapToInt(Map.Entry::getValue).sum())
			.as("successful answers")
			.isGreaterThan(200);
		assertThat(failures).as(report.toString()).isEmpty();
	}

	/** What the request will be: path and query values, headers, body text. */
	record Request(Map<String, String> path, Map<String, String> query, Map<String, String> headers, String body,
			String mediaType) {

		String describe() {
			return "path=" + this.path + " query=" + this.query + " body=" + this.body;
		}

		boolean mentions(String text) {
			return describe().contains(text) || ((this.body != null) && this.body.contains(text));
		}

	}

	private Request request(ApiModel model, ApiModel.Op op, FuzzTenant idsFrom, FuzzTenant own, Random random,
			boolean hostile) {
		ApiModel.Values values = (format, r) -> plausibleText(format, idsFrom, r);
		Map<String, String> path = new LinkedHashMap<>();
		for (Parameter parameter : op.parameters("path")) {
			path.put(parameter.getName(), pathValue(op.path(), parameter.getName(), idsFrom, random));
		}
		Map<String, String> query = new LinkedHashMap<>();
		for (Parameter parameter : op.parameters("query")) {
			if (parameter.getName().equals("from")) {
				query.put("from", LocalDate.now().minusMonths(2).toString());
			}
			else if (parameter.getName().equals("to")) {
				query.put("to", LocalDate.now().toString());
			}
			else if (random.nextBoolean() || Boolean.TRUE.equals(parameter.getRequired())) {
				Object value = model.plausible(parameter.getSchema(), random, values, 0);
				query.put(parameter.getName(), String.valueOf(value));
			}
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (Parameter parameter : op.parameters("header")) {
			headers.put(parameter.getName(), UUID.randomUUID().toString());
		}
		String mediaType = null;
		Object body = null;
		if (op.operation().getRequestBody() != null) {
			Map.Entry<String, MediaType> media = op.operation()
				.getRequestBody()
				.getContent()
				.entrySet()
				.iterator()
				.next();
			mediaType = op.path().startsWith("/scim/") ? "application/scim+json" : media.getKey();
			body = ApiModel.mutable(op.path().startsWith("/scim/") ? scimBody(op, idsFrom)
					: model.plausible(media.getValue().getSchema(), random, values, 0));
		}
		String bodyText = (body != null) ? JsonText.write(body) : null;
		if (hostile) {
			List<String> targets = new ArrayList<>();
			path.keySet().forEach((name) -> targets.add("path:" + name));
			query.keySet().forEach((name) -> targets.add("query:" + name));
			op.parameters("query").forEach((p) -> targets.add("query:" + p.getName()));
			List<List<String>> leaves = ApiModel.leaves(body, List.of(), new ArrayList<>());
			leaves.forEach((leaf) -> targets.add("body"));
			if (mediaType != null) {
				targets.add("whole-body");
			}
			if (!targets.isEmpty()) {
				String target = ApiModel.pick(targets, random);
				if (target.startsWith("path:")) {
					path.put(target.substring(5), hostileText(random));
				}
				else if (target.startsWith("query:")) {
					query.put(target.substring(6),
							random.nextBoolean() ? hostileText(random) : ApiModel.pick(HostileValues.DATES, random));
				}
				else if (target.equals("whole-body")) {
					bodyText = ApiModel.pick(HostileValues.BODIES, random);
				}
				else {
					Object value = hostileValue(random);
					// bodies carry longer text than a URL can (above 4 KB Netty
					// answers 414 itself)
					ApiModel.set(body, ApiModel.pick(leaves, random),
							(value instanceof String text && text.length() > 1000) ? text.repeat(10) : value);
					bodyText = JsonText.write(body);
				}
			}
		}
		return new Request(path, query, headers, bodyText, mediaType);
	}

	private static Object hostileValue(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> hostileText(random);
			case 1 -> ApiModel.pick(HostileValues.DATES, random);
			case 2 -> ApiModel.pick(HostileValues.NUMBERS, random);
			default -> ApiModel.pick(HostileValues.WRONG_TYPES, random);
		};
	}

	private static String hostileText(Random random) {
		return ApiModel.pick(HostileValues.TEXT, random);
	}

	private static String plausibleText(String format, FuzzTenant tenant, Random random) {
		if ("uuid".equals(format)) {
			return ApiModel.pick(tenant.ids.values(), random);
		}
		if ("date".equals(format)) {
			return LocalDate.now().plusDays(random.nextInt(30)).toString();
		}
		if ("date-time".equals(format)) {
			return OffsetDateTime.now().plusDays(random.nextInt(30)).withNano(0).toLocalDateTime().toString();
		}
		if ("email".equals(format)) {
			return "fuzz@" + tenant.organization.slug() + ".test";
		}
		return "fuzz-" + Integer.toString(random.nextInt(100_000), 36);
	}

	/**
	 * A path value the operation can find: an id of the segment's kind, a real slug or
	 * section.
	 */
	private static String pathValue(String path, String name, FuzzTenant tenant, Random random) {
		String[] segments = path.split("/");
		for (int i = 1; i < segments.length; i++) {
			if (segments[i].equals("{" + name + "}")) {
				String kind = segments[i - 1];
				if (kind.equals("sections")) {
					return "working-posture";
				}
				if (kind.equals("exercises")) {
					return "cat-cow";
				}
				if (kind.equals("routines")) {
					return random.nextBoolean() ? "morning-mobility" : "desk-reset";
				}
				if (kind.equals("ResourceTypes")) {
					return "User";
				}
				if (kind.equals("Schemas")) {
					return "urn:ietf:params:scim:schemas:core:2.0:User";
				}
				String id = tenant.ids.get(kind);
				return (id != null) ? id : ApiModel.pick(tenant.ids.values(), random);
			}
		}
		return "x";
	}

	private static Object scimBody(ApiModel.Op op, FuzzTenant tenant) {
		if (op.method().equals("PATCH")) {
			return Map.of("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"), "Operations",
					List.of(Map.of("op", "replace", "path", "active", "value", false)));
		}
		if (op.path().contains("Groups")) {
			return Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group"), "displayName",
					"fuzz-group-" + UUID.randomUUID(), "members", List.of(Map.of("value", tenant.ids.get("Users"))));
		}
		return Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"), "userName",
				"fuzz-" + UUID.randomUUID() + "@" + tenant.organization.slug() + ".test", "active", true);
	}

	private EntityExchangeResult<byte[]> send(WebTestClient client, ApiModel.Op op, Request request, String token) {
		String path = op.path();
		for (Map.Entry<String, String> value : request.path().entrySet()) {
			path = path.replace("{" + value.getKey() + "}",
					UriUtils.encodePathSegment(value.getValue(), StandardCharsets.UTF_8));
		}
		StringBuilder uri = new StringBuilder(baseUrl()).append(path);
		String separator = "?";
		for (Map.Entry<String, String> value : request.query().entrySet()) {
			uri.append(separator)
				.append(UriUtils.encodeQueryParam(value.getKey(), StandardCharsets.UTF_8))
				.append('=')
				.append(UriUtils.encodeQueryParam(value.getValue(), StandardCharsets.UTF_8).replace("+", "%2B"));
			separator = "&";
		}
		WebTestClient.RequestBodySpec spec = client.method(HttpMethod.valueOf(op.method()))
			.uri(URI.create(uri.toString()))
			.headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
				request.headers().forEach(headers::set);
				headers.setAccept(List.of(org.springframework.http.MediaType.APPLICATION_JSON,
						org.springframework.http.MediaType.parseMediaType("application/scim+json"),
						org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON));
			});
		if (request.body() != null) {
			spec.contentType(org.springframework.http.MediaType.parseMediaType(request.mediaType()));
			return spec.bodyValue(request.body().getBytes(StandardCharsets.UTF_8))
				.exchange()
				.expectBody()
				.returnResult();
		}
		return spec.exchange().expectBody().returnResult();
	}

	/**
	 * The other organization's ids and names in an answer, unless the request itself
	 * carried them.
	 */
	private static List<String> foreignData(byte[] body, Request request, FuzzTenant foreign) {
		if (body == null || body.length == 0) {
			return List.of();
		}
		String text = new String(body, StandardCharsets.UTF_8);
		return foreign.markers.stream()
			.filter(text::contains)
			.filter((marker) -> !request.mentions(marker))
			.map((marker) -> "foreign data in the answer: " + marker)
			.toList();
	}

	private static String abbreviate(String text) {
		return (text.length() > 400) ? text.substring(0, 400) + "..." : text;
	}

}
