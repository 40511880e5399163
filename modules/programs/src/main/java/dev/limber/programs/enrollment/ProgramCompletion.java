package dev.limber.programs.enrollment;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.limber.organizations.CurrentMember;
import dev.limber.programs.ActivityRecordedListener;
import dev.limber.programs.RecordedActivity;

/**
 * Completes a member's program when they record an activity after its last day, in the
 * same transaction, so that reading today's plan never has to write.
 */
@Component
class ProgramCompletion implements ActivityRecordedListener {

	private final Programs programs;

	ProgramCompletion(Programs programs) {
		this.programs = programs;
	}

	@Override
	public Mono<Void> activityRecorded(CurrentMember member, RecordedActivity activity) {
		return this.programs.completeIfOver(member);
	}

}
