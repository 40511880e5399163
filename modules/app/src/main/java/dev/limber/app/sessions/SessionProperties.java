package dev.limber.app.sessions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where portal sessions live.
 *
 * @param store {@code memory} (one instance) or {@code redis} (several instances share
 * sessions; Redis is set with {@code spring.data.redis.*})
 * @param timeout how long an unused session lives in Redis
 */
@ConfigurationProperties("limber.sessions")
public record SessionProperties(@DefaultValue("memory") Store store, @DefaultValue("30m") Duration timeout) {

	public enum Store {

		MEMORY, REDIS

	}

}
