package dev.limber.notifications.chat;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import dev.limber.notifications.Channel;

/**
 * Which webhook URLs are accepted: https to the provider's own hosts (Slack's incoming
 * webhooks; Teams' workflow webhooks on Power Automate and Azure Logic Apps). The
 * outbound client then refuses any private address these resolve to.
 */
final class WebhookAddresses {

	private static final List<String> TEAMS_HOSTS = List.of(".logic.azure.com", ".powerautomate.com",
			".api.powerplatform.com", ".webhook.office.com");

	private WebhookAddresses() {
	}

	/** The URL when it may be used, else null. */
	static URI check(Channel channel, String url, boolean allowLocal) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (uri.getHost() == null || uri.getUserInfo() != null || uri.getRawFragment() != null) {
			return null;
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (allowLocal && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
				&& ("127.0.0.1".equals(host) || "localhost".equals(host))) {
			return uri;
		}
		if (!"https".equals(uri.getScheme()) || uri.getPort() != -1) {
			return null;
		}
		boolean provider = (channel == Channel.SLACK) ? host.equals("hooks.slack.com")
				: TEAMS_HOSTS.stream().anyMatch(host::endsWith);
		return provider ? uri : null;
	}

	static String rule(Channel channel) {
		return (channel == Channel.SLACK) ? "url must be a Slack incoming webhook (https://hooks.slack.com/...)."
				: "url must be a Teams workflow webhook (https on logic.azure.com, powerautomate.com, api.powerplatform.com or webhook.office.com).";
	}

	/** Enough to recognise a webhook, not to use it. */
	static String hint(URI url) {
		String path = (url.getRawPath() != null) ? url.getRawPath() : "";
		String tail = (path.length() > 4) ? path.substring(path.length() - 4) : "";
		return url.getScheme() + "://" + url.getHost() + "/…" + tail;
	}

}
