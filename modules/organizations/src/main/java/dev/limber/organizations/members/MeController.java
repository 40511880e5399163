package dev.limber.organizations.members;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.organizations.CurrentMember;
import dev.limber.organizations.Role;

/** Tells signed-in members what Limber knows about them. */
@RestController
class MeController {

	@GetMapping("/api/v1/me")
	Mono<Me> me(CurrentMember member) {
		return Mono.just(Me.of(member));
	}

	record Me(UUID id, String organization, String displayName, String email, Set<Role> roles, String department,
			String location, List<String> teams) {

		static Me of(CurrentMember member) {
			return new Me(member.memberId(), member.organizationSlug(), member.displayName(), member.email(),
					member.roles(), member.department(), member.location(), member.teams());
		}

	}

}
