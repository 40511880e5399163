package dev.limber.programs;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one serialized form of participation events, used by the outbox writer and by every
 * consumer. A mapper of its own, so that application-wide JSON settings cannot change the
 * stored contract. Unknown fields are ignored so that an older reader survives a newer
 * writer.
 */
public final class ParticipationEventJson {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private ParticipationEventJson() {
	}

	public static String write(ParticipationEvent event) {
		return JSON.writeValueAsString(event);
	}

	public static ParticipationEvent read(ParticipationEvent.Type type, String json) {
		return JSON.readValue(json, type.recordType());
	}

}
