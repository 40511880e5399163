package dev.limber.app.reporting.redteam;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.kernel.testing.TestOrganization;

/**
 * The victim: an organization whose true membership and activity the red team knows, with
 * departments and locations of very different sizes, several groups below k = 5, and one
 * department (Finance) where everyone takes part. Members sign in with their department
 * and location; about two thirds log one or two routines (some backdated 50 hours, so
 * activity spans two days or weeks), and half enroll in a program.
 */
final class TargetOrganization {

	/** Atom name → size. The analyst and the admin have no department: atom "/". */
	static final Map<String, Integer> ATOMS = new LinkedHashMap<>();

	static {
		ATOMS.put("Sales/Berlin", 9);
		ATOMS.put("Sales/Munich", 6);
		ATOMS.put("Eng/Berlin", 7);
		ATOMS.put("Eng/Munich", 5);
		ATOMS.put("People/Berlin", 5);
		ATOMS.put("People/Munich", 1);
		ATOMS.put("Legal/Berlin", 3);
		ATOMS.put("Finance/Munich", 5);
		ATOMS.put("Finance/Berlin", 1);
		ATOMS.put("/", 2);
	}

	static final List<String> DEPARTMENTS = List.of("Sales", "Eng", "People", "Legal", "Finance");

	static final List<String> LOCATIONS = List.of("Berlin", "Munich");

	final TestOrganization organization;

	final Map<String, Integer> atomSizes = new LinkedHashMap<>(ATOMS);

	private final WebTestClient http;

	TargetOrganization(WebTestClient http, TestOrganization organization) {
		this.http = http;
		this.organization = organization;
	}

	/** Signs everyone in, logs their activity and enrollments. */
	void populate() {
		member("analyst", null, null, List.of("hr-analyst"));
		member("admin", null, null, List.of("org-admin"));
		ATOMS.forEach((atom, size) -> {
			if (atom.equals("/")) {
				return;
			}
			String[] parts = atom.split("/");
			for (int i = 0; i < size; i++) {
				String token = member(user(atom, i), parts[0], parts[1], List.of());
				boolean everyone = parts[0].equals("Finance") || atom.equals("People/Munich");
				if (everyone || i % 3 != 2) {
					for (int n = 0; n <= i % 2; n++) {
						activity(token, (i % 3 == 1) ? 50 : 0);
					}
				}
				if (everyone || i % 2 == 0) {
					enroll(token);
				}
			}
		});
	}

	static String user(String atom, int index) {
		return atom.replace('/', '-').toLowerCase() + "-" + index;
	}

	String member(String user, String department, String location, List<String> roles) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("roles", roles);
		if (department != null) {
			claims.put("department", department);
			claims.put("location", location);
		}
		String token = this.organization.token(user, claims);
		call(token, HttpMethod.GET, "/api/v1/me", null).expectStatus().isOk();
		return token;
	}

	String token(String atom, int index) {
		String[] parts = atom.split("/");
		return this.organization.token(user(atom, index), Map.of("department", parts[0], "location", parts[1]));
	}

	void activity(String token, int hoursAgo) {
		Map<String, Object> body = new LinkedHashMap<>(Map.of("routine", "desk-reset-5-min", "durationSeconds", 300));
		if (hoursAgo > 0) {
			body.put("completedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(hoursAgo).toString());
		}
		call(token, HttpMethod.POST, "/api/v1/activities", body).expectStatus().isCreated();
	}

	private void enroll(String token) {
		call(token, HttpMethod.POST, "/api/v1/screening", Map.of("anySignApplies", false)).expectStatus().isOk();
		call(token, HttpMethod.POST, "/api/v1/enrollments", Map.of("program", "back-care-6-weeks")).expectStatus()
			.isCreated();
	}

	String analyst() {
		return this.organization.token("analyst", "hr-analyst");
	}

	String admin() {
		return this.organization.token("admin", "org-admin");
	}

	/** Atoms matching a filter (department and/or location, null for any). */
	Set<String> atoms(String department, String location) {
		Set<String> atoms = new TreeSet<>();
		this.atomSizes.keySet().forEach((atom) -> {
			String[] parts = (atom + "/ ").split("/");
			String dep = parts[0];
			String loc = parts[1].trim();
			if ((department == null || department.equals(dep)) && (location == null || location.equals(loc))) {
				atoms.add(atom);
			}
		});
		return atoms;
	}

	/** Every group below k: atoms, and departments, of fewer than k people. */
	Map<String, Set<String>> smallGroups(int k) {
		Map<String, Set<String>> groups = new LinkedHashMap<>();
		this.atomSizes.forEach((atom, size) -> {
			if (size < k) {
				groups.put(atom, Set.of(atom));
			}
		});
		for (String department : DEPARTMENTS) {
			Set<String> atoms = atoms(department, null);
			if (atoms.stream().mapToInt(this.atomSizes::get).sum() < k && atoms.size() > 1) {
				groups.put(department, atoms);
			}
		}
		return groups;
	}

	/**
	 * Every population a filter can name: none, each department, each location, each
	 * pair.
	 */
	static List<String[]> filters() {
		List<String[]> filters = new ArrayList<>();
		filters.add(new String[] { null, null });
		DEPARTMENTS.forEach((department) -> filters.add(new String[] { department, null }));
		LOCATIONS.forEach((location) -> filters.add(new String[] { null, location }));
		DEPARTMENTS.forEach(
				(department) -> LOCATIONS.forEach((location) -> filters.add(new String[] { department, location })));
		return filters;
	}

	WebTestClient.ResponseSpec call(String token, HttpMethod method, String uri, Object body) {
		WebTestClient.RequestBodySpec request = this.http.method(method)
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(token));
		if (body == null) {
			return request.exchange();
		}
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
