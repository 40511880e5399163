package dev.limber.programs;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Something an employee did that reporting counts, as the participation outbox carries
 * it. The one definition of the contract between the modules that publish participation
 * and reporting, which reads it: each event's type name lives here and nowhere else, and
 * {@link ParticipationEventJson} is its only serialized form. Events carry the member id
 * only for pseudonymization by the consumer, and never a name or email.
 */
public sealed interface ParticipationEvent {

	/** The member, pseudonymized by the consumer. */
	UUID memberId();

	/** The member's department, or null when the identity provider names none. */
	String department();

	/** The member's location, or null when the identity provider names none. */
	String location();

	/**
	 * The organization's time zone id: reporting counts the event on that calendar day.
	 */
	String zone();

	default Type type() {
		return Type.of(getClass());
	}

	/**
	 * An activity was logged; {@code completedAt} is when it was done, which may be
	 * earlier.
	 */
	record ActivityLogged(UUID activityId, UUID memberId, String department, String location, List<String> teams,
			String kind, String slug, String category, int durationSeconds, OffsetDateTime completedAt,
			String zone) implements ParticipationEvent {
	}

	record EnrollmentCreated(UUID memberId, String department, String location, String program,
			String zone) implements ParticipationEvent {
	}

	record ProgramCompleted(UUID memberId, String department, String location, String program,
			String zone) implements ParticipationEvent {
	}

	/**
	 * A workstation checklist was finished: which sections failed, never which answers.
	 */
	record ChecklistCompleted(UUID memberId, String department, String location, Map<String, Boolean> sectionFailed,
			String zone) implements ParticipationEvent {
	}

	record ChallengeJoined(UUID challengeId, String title, UUID memberId, String department, String location,
			String zone) implements ParticipationEvent {
	}

	/** Each event's name in the outbox's {@code event_type} column. */
	enum Type {

		ACTIVITY_LOGGED("activity.logged", ActivityLogged.class),

		ENROLLMENT_CREATED("enrollment.created", EnrollmentCreated.class),

		PROGRAM_COMPLETED("program.completed", ProgramCompleted.class),

		CHECKLIST_COMPLETED("checklist.completed", ChecklistCompleted.class),

		CHALLENGE_JOINED("challenge.joined", ChallengeJoined.class);

		private final String stored;

		private final Class<? extends ParticipationEvent> recordType;

		Type(String stored, Class<? extends ParticipationEvent> recordType) {
			this.stored = stored;
			this.recordType = recordType;
		}

		/** The name as the outbox stores it: bind this, never a literal. */
		public String stored() {
			return this.stored;
		}

		public Class<? extends ParticipationEvent> recordType() {
			return this.recordType;
		}

		static Type of(Class<?> recordType) {
			return Arrays.stream(values()).filter((type) -> type.recordType == recordType).findFirst().orElseThrow();
		}

		/**
		 * The type stored as {@code name}; empty for a name this version does not know.
		 */
		public static java.util.Optional<Type> stored(String name) {
			return Arrays.stream(values()).filter((type) -> type.stored.equals(name)).findFirst();
		}

	}

}
