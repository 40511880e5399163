package dev.limber.notifications.chat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import dev.limber.challenges.ChallengeBulletins;

/**
 * A challenge post's words, in the channel's language: a heading and lines. A standing
 * shows exactly what the leaderboard shows every member: teams below the minimum group
 * size by name only, and only the members the leaderboard may name.
 */
record ChatPost(String heading, List<String> lines) {

	static ChatPost announced(Map<String, Object> payload, String link, Words words) {
		return new ChatPost(words.get("chat.announced.heading", payload.get("title")),
				List.of(words.get("chat.announced.dates", words.date(payload.get("startsOn")),
						words.date(payload.get("endsOn")), link)));
	}

	static ChatPost standing(String moment, ChallengeBulletins.PublicStanding standing, String link, Words words) {
		String heading = switch (moment) {
			case "started" -> words.get("chat.started.heading", standing.title());
			case "final" -> words.get("chat.final.heading", standing.title());
			default -> words.get("chat.standing.heading", standing.title());
		};
		String metric = words.get("chat.metric." + standing.metric());
		List<String> lines = new ArrayList<>();
		for (ChallengeBulletins.Team team : standing.teams()) {
			if (team.rank() == null) {
				lines.add(words.get("chat.team.hidden", team.name(), String.valueOf(standing.minGroupSize())));
			}
			else {
				lines.add(words.get(team.winner() ? "chat.team.winner" : "chat.team.ranked",
						String.valueOf(team.rank()), team.name(), String.format(words.locale(), "%.1f", team.average()),
						metric, team.members()));
			}
		}
		if (!standing.named().isEmpty()) {
			List<String> named = standing.named()
				.stream()
				.map((member) -> member.name() + " (" + String.format(Locale.ROOT, "%.0f", member.score()) + ")")
				.toList();
			lines.add(words.get("chat.named", String.join(", ", named)));
		}
		lines.add(words.get("chat.leaderboard", link));
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

	/**
	 * The message bundle in one language; arguments are text formatted for it, or counts
	 * for plurals.
	 */
	record Words(MessageSource messages, Locale locale) {

		String get(String key, Object... arguments) {
			return this.messages.getMessage(key, arguments, this.locale);
		}

		String date(Object isoDate) {
			return LocalDate.parse(String.valueOf(isoDate))
				.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(this.locale));
		}

	}

}
