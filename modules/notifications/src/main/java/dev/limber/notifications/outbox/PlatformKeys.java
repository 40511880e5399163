package dev.limber.notifications.outbox;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Keys every instance must share, made by whichever instance needs one first: the first
 * insert wins and every instance reads the winner's value, so two instances starting at
 * once still agree.
 */
@Component
public class PlatformKeys {

	private final DatabaseClient database;

	PlatformKeys(DatabaseClient database) {
		this.database = database;
	}

	public Mono<String> getOrCreate(String name, Supplier<String> create) {
		return this.database.sql(
				"insert into notifications.platform_key (name, value) values (:name, :value) on conflict (name) do nothing")
			.bind("name", name)
			.bind("value", create.get())
			.then()
			.then(this.database.sql("select value from notifications.platform_key where name = :name")
				.bind("name", name)
				.map((row, metadata) -> row.get("value", String.class))
				.one());
	}

}
