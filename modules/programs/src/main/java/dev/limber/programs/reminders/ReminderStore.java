package dev.limber.programs.reminders;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantId;

/** Movement-break settings and feed token hashes. */
@Repository
class ReminderStore {

	private final DatabaseClient database;

	ReminderStore(DatabaseClient database) {
		this.database = database;
	}

	Mono<ReminderSettings> find(UUID member) {
		return this.database.sql("""
				select work_start, work_end, work_days, interval_minutes, break_minutes, time_zone,
				    feed_token_hash is not null as feed_active
				from programs.reminder_settings where member_id = :member""")
			.bind("member", member)
			.map(ReminderStore::map)
			.one();
	}

	Mono<Void> save(TenantId tenant, UUID member, ReminderSettings settings) {
		return this.database.sql("""
				insert into programs.reminder_settings (tenant_id, member_id, work_start, work_end, work_days,
				    interval_minutes, break_minutes, time_zone)
				values (:tenant, :member, :start, :end, :days, :interval, :break, :zone)
				on conflict (tenant_id, member_id) do update set work_start = excluded.work_start,
				    work_end = excluded.work_end, work_days = excluded.work_days,
				    interval_minutes = excluded.interval_minutes, break_minutes = excluded.break_minutes,
				    time_zone = excluded.time_zone""")
			.bind("tenant", tenant.value())
			.bind("member", member)
			.bind("start", settings.workStart())
			.bind("end", settings.workEnd())
			.bind("days", settings.workDays().stream().map(DayOfWeek::getValue).sorted().toArray(Integer[]::new))
			.bind("interval", settings.intervalMinutes())
			.bind("break", settings.breakMinutes())
			.bind("zone", settings.zone().getId())
			.then();
	}

	Mono<Void> setFeedTokenHash(UUID member, String hash) {
		return this.database
			.sql("update programs.reminder_settings set feed_token_hash = :hash where member_id = :member")
			.bind("member", member)
			.bind("hash", Parameter.fromOrEmpty(hash, String.class))
			.then();
	}

	/** Works before any tenant is known, through a narrow security-definer function. */
	Mono<FeedOwner> feedOwner(String hash) {
		return this.database.sql("select tenant_id, member_id from programs.feed_owner(:hash)")
			.bind("hash", hash)
			.map((row, metadata) -> new FeedOwner(new TenantId(row.get("tenant_id", UUID.class)),
					row.get("member_id", UUID.class)))
			.one();
	}

	private static ReminderSettings map(Readable row) {
		return new ReminderSettings(row.get("work_start", LocalTime.class), row.get("work_end", LocalTime.class),
				Arrays.stream(row.get("work_days", Integer[].class)).map(DayOfWeek::of).collect(Collectors.toSet()),
				row.get("interval_minutes", Integer.class), row.get("break_minutes", Integer.class),
				ZoneId.of(row.get("time_zone", String.class)),
				Boolean.TRUE.equals(row.get("feed_active", Boolean.class)));
	}

	record FeedOwner(TenantId tenant, UUID member) {
	}

}
