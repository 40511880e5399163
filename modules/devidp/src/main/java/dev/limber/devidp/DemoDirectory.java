package dev.limber.devidp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The demo organizations' people. Each organization has one user per role; their
 * passwords are all {@code limber-demo} (see the README).
 */
@Component
class DemoDirectory {

	static final List<String> ORGANIZATIONS = List.of("acme", "globex");

	static final String PLATFORM = "platform";

	private final Map<String, DemoUser> users;

	DemoDirectory() {
		List<DemoUser> all = new ArrayList<>();
		for (String organization : ORGANIZATIONS) {
			String domain = "@" + organization + ".test";
			all.add(new DemoUser("employee" + domain, "Emma Employee", organization, "Engineering", "Berlin",
					List.of("Blue Team"), List.of()));
			all.add(new DemoUser("lead" + domain, "Liam Lead", organization, "Engineering", "Berlin",
					List.of("Blue Team"), List.of("team-lead")));
			all.add(new DemoUser("hr" + domain, "Hana HR", organization, "People", "Munich", List.of("People Team"),
					List.of("hr-analyst")));
			all.add(new DemoUser("admin" + domain, "Ada Admin", organization, "Operations", "Munich",
					List.of("Ops Team"), List.of("org-admin")));
		}
		all.add(new DemoUser("operator@limber.test", "Otto Operator", PLATFORM, null, null, List.of(),
				List.of("platform-operator")));
		this.users = all.stream().collect(Collectors.toUnmodifiableMap(DemoUser::email, Function.identity()));
	}

	Optional<DemoUser> find(String email) {
		return Optional.ofNullable(this.users.get(email));
	}

	List<DemoUser> all() {
		return List.copyOf(this.users.values());
	}

}
