package dev.limber.notifications.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.limber.challenges.ChallengeBulletins;

/**
 * A challenge post's words: a heading and lines. A standing shows exactly what the
 * leaderboard shows every member: teams below the minimum group size by name only, and only
 * the members the leaderboard may name.
 */
record ChatPost(String heading, List<String> lines) {

	static ChatPost announced(Map<String, Object> payload, String link) {
		return new ChatPost("New team challenge: " + payload.get("title"),
				List.of("Runs from " + payload.get("startsOn") + " to " + payload.get("endsOn") + ". Join with your team: "
						+ link));
	}

	static ChatPost standing(String moment, ChallengeBulletins.PublicStanding standing, String link) {
		String heading = switch (moment) {
			case "started" -> standing.title() + " has started";
			case "final" -> "Final results of " + standing.title();
			default -> "Standing of " + standing.title();
		};
		List<String> lines = new ArrayList<>();
		for (ChallengeBulletins.Team team : standing.teams()) {
			if (team.rank() == null) {
				lines.add(team.name() + ": fewer than " + standing.minGroupSize() + " took part, no figures shown");
			}
			else {
				lines.add(team.rank() + ". " + team.name() + ": " + String.format(Locale.ROOT, "%.1f", team.average()) + " "
						+ standing.metric() + " per member (" + team.members() + " members)"
						+ (team.winner() ? ", winner" : ""));
			}
		}
		if (!standing.named().isEmpty()) {
			List<String> named = standing.named()
				.stream()
				.map((member) -> member.name() + " (" + String.format(Locale.ROOT, "%.0f", member.score()) + ")")
				.toList();
			lines.add("Named by their choice: " + String.join(", ", named));
		}
		lines.add("Leaderboard: " + link);
		return new ChatPost(heading, List.copyOf(lines));
	}

	/** Slack incoming webhook: plain text, the heading in bold. */
	Map<String, Object> slack() {
		return Map.of("text", "*" + this.heading + "*\n" + String.join("\n", this.lines));
	}

	/** Teams workflow webhook: a message carrying an Adaptive Card. */
	Map<String, Object> teams() {
		List<Object> body = new ArrayList<>();
		body.add(Map.of("type", "TextBlock", "text", this.heading, "weight", "Bolder", "size", "Medium", "wrap", true));
		this.lines.forEach((line) -> body.add(Map.of("type", "TextBlock", "text", line, "wrap", true)));
		Map<String, Object> card = Map.of("$schema", "http://adaptivecards.io/schemas/adaptive-card.json", "type",
				"AdaptiveCard", "version", "1.4", "body", body);
		return Map.of("type", "message", "attachments",
				List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
	}

}
