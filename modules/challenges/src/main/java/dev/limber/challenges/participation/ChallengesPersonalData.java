package dev.limber.challenges.participation;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.limber.kernel.privacy.PersonalData;
import dev.limber.kernel.tenant.TenantId;

/**
 * A member's challenges: which they joined, with which team, and whether they were shown
 * by name.
 */
@Component
class ChallengesPersonalData implements PersonalData {

	private final ParticipantStore participants;

	ChallengesPersonalData(ParticipantStore participants) {
		this.participants = participants;
	}

	@Override
	public String section() {
		return "challenges";
	}

	@Override
	public Mono<Object> export(TenantId tenant, UUID member) {
		return this.participants.export(member).collectList().map((rows) -> rows);
	}

	@Override
	public Mono<Void> erase(TenantId tenant, UUID member) {
		return this.participants.erase(member);
	}

}
