package dev.limber.programs;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import dev.limber.programs.ParticipationEvent.ActivityLogged;
import dev.limber.programs.ParticipationEvent.ChallengeJoined;
import dev.limber.programs.ParticipationEvent.ChecklistCompleted;
import dev.limber.programs.ParticipationEvent.EnrollmentCreated;
import dev.limber.programs.ParticipationEvent.ProgramCompleted;
import dev.limber.programs.ParticipationEvent.Type;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox contract: every event reads back as what was written, and each has one
 * stored name.
 */
class ParticipationEventJsonTests {

	static final UUID MEMBER = UUID.fromString("0d9a3f52-7a0c-4bd4-9f0a-6f1d2c3b4a59");

	@ParameterizedTest
	@EnumSource(Type.class)
	void everyEventReadsBackAsItWasWritten(Type type) {
		ParticipationEvent event = sample(type);

		String json = ParticipationEventJson.write(event);

		assertThat(event.type()).isEqualTo(type);
		assertThat(ParticipationEventJson.read(type, json)).isEqualTo(event);
		assertThat(json).doesNotContain(type.stored()).doesNotContain("\"type\"").contains(MEMBER.toString());
	}

	@ParameterizedTest
	@EnumSource(Type.class)
	void aMemberWithoutDepartmentOrLocationIsWrittenAsJsonNullNotAsText(Type type) {
		ParticipationEvent event = ParticipationEventJson.read(type,
				ParticipationEventJson.write(sample(type)).replace("\"Sales\"", "null").replace("\"Berlin\"", "null"));

		String json = ParticipationEventJson.write(event);

		assertThat(event.department()).isNull();
		assertThat(event.location()).isNull();
		assertThat(json).contains("\"department\":null").doesNotContain("\"null\"");
	}

	@Test
	void everyEventRecordHasExactlyOneStoredName() {
		assertThat(Arrays.stream(Type.values()).<Class<?>>map(Type::recordType))
			.containsExactlyInAnyOrder(ParticipationEvent.class.getPermittedSubclasses());
		assertThat(Arrays.stream(Type.values()).map(Type::stored).distinct()).hasSize(Type.values().length);
		assertThat(Type.stored("no.such.event")).isEmpty();
	}

	@Test
	void anActivityFromBeforeTheTypesReadsWithItsFieldsIntact() {
		String stored = """
				{"activityId":"5b0e6c1e-8f0c-4c4a-9d7e-1f2a3b4c5d6e","memberId":"%s","department":"Sales",
				"location":"Berlin","teams":["Blue"],"kind":"routine","slug":"desk-reset-5-min","category":"mobility",
				"durationSeconds":300,"completedAt":"2026-11-30T09:15:00.123456Z","zone":"Europe/Berlin"}"""
			.formatted(MEMBER);

		ActivityLogged activity = (ActivityLogged) ParticipationEventJson.read(Type.ACTIVITY_LOGGED, stored);

		assertThat(activity.memberId()).isEqualTo(MEMBER);
		assertThat(activity.durationSeconds()).isEqualTo(300);
		assertThat(activity.completedAt())
			.isEqualTo(OffsetDateTime.of(2026, 11, 30, 9, 15, 0, 123456000, ZoneOffset.UTC));
		assertThat(activity.teams()).containsExactly("Blue");
	}

	static ParticipationEvent sample(Type type) {
		return switch (type) {
			case ACTIVITY_LOGGED -> new ActivityLogged(UUID.randomUUID(), MEMBER, "Sales", "Berlin",
					List.of("Blue", "Green"), "routine", "desk-reset-5-min", "mobility", 300,
					OffsetDateTime.of(2026, 3, 29, 1, 30, 0, 123456000, ZoneOffset.UTC), "Europe/Berlin");
			case ENROLLMENT_CREATED ->
				new EnrollmentCreated(MEMBER, "Sales", "Berlin", "back-care-6-weeks", "Europe/Berlin");
			case PROGRAM_COMPLETED ->
				new ProgramCompleted(MEMBER, "Sales", "Berlin", "back-care-6-weeks", "Europe/Berlin");
			case CHECKLIST_COMPLETED -> {
				Map<String, Boolean> failed = new LinkedHashMap<>();
				failed.put("chair", true);
				failed.put("screen", false);
				yield new ChecklistCompleted(MEMBER, "Sales", "Berlin", failed, "Europe/Berlin");
			}
			case CHALLENGE_JOINED -> new ChallengeJoined(UUID.randomUUID(), "Three weeks of loose hamstrings", MEMBER,
					"Sales", "Berlin", "America/New_York");
		};
	}

}
