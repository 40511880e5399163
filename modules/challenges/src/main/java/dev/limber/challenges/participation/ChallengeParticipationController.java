package dev.limber.challenges.participation;

import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.organizations.CurrentMember;

/**
 * The caller's own participation in a challenge; joining again changes whether they are
 * shown by name.
 */
@RestController
class ChallengeParticipationController {

	private final Participation participation;

	ChallengeParticipationController(Participation participation) {
		this.participation = participation;
	}

	@PutMapping("/api/v1/challenges/{id}/participation")
	Mono<Map<String, UUID>> join(@PathVariable UUID id, @RequestBody(required = false) JoinRequest request,
			CurrentMember member) {
		JoinRequest join = (request != null) ? request : new JoinRequest(null, null);
		return this.participation.join(member, id, join.teamId(), Boolean.TRUE.equals(join.showName()))
			.map((team) -> Map.of("teamId", team));
	}

	@DeleteMapping("/api/v1/challenges/{id}/participation")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> leave(@PathVariable UUID id, CurrentMember member) {
		return this.participation.leave(member, id);
	}

	/**
	 * @param showName whether the member agrees to appear by name on the leaderboard
	 */
	record JoinRequest(UUID teamId, Boolean showName) {
	}

}
