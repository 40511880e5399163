package dev.limber.notifications.outbox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import dev.limber.notifications.Channel;

/**
 * Per channel: messages sent, failed for good, retried, dropped, and how far behind the
 * queue is.
 */
@Component
class OutboxMetrics {

	private final Map<Channel, Counter> sent = new EnumMap<>(Channel.class);

	private final Map<Channel, Counter> failed = new EnumMap<>(Channel.class);

	private final Map<Channel, Counter> retried = new EnumMap<>(Channel.class);

	private final Map<Channel, Counter> dropped = new EnumMap<>(Channel.class);

	private final Map<Channel, AtomicLong> pending = new EnumMap<>(Channel.class);

	private final Map<Channel, AtomicLong> lagMillis = new EnumMap<>(Channel.class);

	OutboxMetrics(MeterRegistry meters) {
		for (Channel channel : Channel.values()) {
			this.sent.put(channel, counter(meters, "sent", "Messages the receiver accepted", channel));
			this.failed.put(channel,
					counter(meters, "failed", "Messages given up on (permanent error or last attempt)", channel));
			this.retried.put(channel,
					counter(meters, "retried", "Attempts that failed and were scheduled again", channel));
			this.dropped.put(channel,
					counter(meters, "dropped", "Messages not sent: channel off or recipient opted out", channel));
			this.pending.put(channel, new AtomicLong());
			this.lagMillis.put(channel, new AtomicLong());
			Gauge.builder("limber.notifications.pending", this.pending.get(channel), AtomicLong::get)
				.description("Messages waiting in the outbox")
				.tag("channel", channel.key())
				.register(meters);
			Gauge.builder("limber.notifications.lag", this.lagMillis.get(channel), (lag) -> lag.get() / 1000.0)
				.baseUnit("seconds")
				.description("Age of the oldest message waiting in the outbox")
				.tag("channel", channel.key())
				.register(meters);
		}
	}

	private static Counter counter(MeterRegistry meters, String name, String description, Channel channel) {
		return Counter.builder("limber.notifications." + name)
			.description(description)
			.tag("channel", channel.key())
			.register(meters);
	}

	void sent(Channel channel) {
		this.sent.get(channel).increment();
	}

	void failed(Channel channel) {
		this.failed.get(channel).increment();
	}

	void retried(Channel channel) {
		this.retried.get(channel).increment();
	}

	void dropped(Channel channel) {
		this.dropped.get(channel).increment();
	}

	void queue(List<OutboxStore.Lag> lags) {
		for (Channel channel : Channel.values()) {
			OutboxStore.Lag lag = lags.stream()
				.filter((each) -> each.channel().equals(channel.key()))
				.findFirst()
				.orElse(new OutboxStore.Lag(channel.key(), 0, 0));
			this.pending.get(channel).set(lag.pending());
			this.lagMillis.get(channel).set((long) (lag.oldestSeconds() * 1000));
		}
	}

}
