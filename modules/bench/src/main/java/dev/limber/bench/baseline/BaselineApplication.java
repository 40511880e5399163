package dev.limber.bench.baseline;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ceiling for the write path: bare WebFlux + R2DBC that validates the same JWT as
 * Limber (issuer, signature through the issuer's JWKS, lifetime, audience) and inserts
 * one row into its own table, with nothing else: no tenant lookup, no row-level security,
 * no idempotency, no outbox. Started by the bench as its own process on its own port.
 */
@SpringBootApplication
@RestController
public class BaselineApplication {

	private final DatabaseClient database;

	BaselineApplication(DatabaseClient database) {
		this.database = database;
	}

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

	@Bean
	SecurityWebFilterChain security(ServerHttpSecurity http) {
		return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> {
			}))
			.build();
	}

	@PostMapping("/api/v1/activities")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> log(@RequestBody Map<String, Object> request,
			@RequestHeader("Idempotency-Key") String key, @AuthenticationPrincipal Jwt jwt) {
		return this.database.sql("""
				insert into bench_baseline.activity (id, subject, idempotency_key, slug, duration_seconds)
				values (:id, :subject, :key, :slug, :seconds) returning id, completed_at""")
			.bind("id", UUID.randomUUID())
			.bind("subject", jwt.getSubject())
			.bind("key", key)
			.bind("slug", String.valueOf(request.get("routine")))
			.bind("seconds", ((Number) request.get("durationSeconds")).intValue())
			.map((row, metadata) -> Map.<String, Object>of("id", row.get("id", UUID.class), "completedAt",
					row.get("completed_at", OffsetDateTime.class)))
			.one();
	}

}
