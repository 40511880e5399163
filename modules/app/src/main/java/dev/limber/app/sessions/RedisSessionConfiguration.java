package dev.limber.app.sessions;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;

/**
 * Portal sessions in Redis, so that any instance behind the load balancer serves any
 * signed-in browser. Without {@code limber.sessions.store=redis} WebFlux keeps sessions
 * in memory, which suits one instance.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "limber.sessions.store", havingValue = "redis")
@EnableRedisWebSession
class RedisSessionConfiguration {

	@Bean
	ReactiveSessionRepositoryCustomizer<ReactiveRedisSessionRepository> sessionTimeout(SessionProperties properties) {
		return (repository) -> repository.setDefaultMaxInactiveInterval(properties.timeout());
	}

}
