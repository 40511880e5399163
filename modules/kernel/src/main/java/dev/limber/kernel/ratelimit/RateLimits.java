package dev.limber.kernel.ratelimit;

import java.time.Duration;

import io.github.bucket4j.ConsumptionProbe;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.problem.ProblemType;

/** The buckets of every limit, and the 429 answer when one is empty. */
@Component
class RateLimits {

	final boolean enabled;

	final Buckets writesPerMember;

	final Buckets writesPerOrganization;

	final Buckets reportsPerMember;

	final Buckets reportsPerOrganization;

	final Buckets signInPerAddress;

	final Buckets signInPerOrganization;

	RateLimits(RateLimitProperties properties) {
		Duration period = properties.period();
		int keys = properties.maxKeys();
		this.enabled = properties.enabled();
		this.writesPerMember = new Buckets(properties.writesPerMember(), period, keys);
		this.writesPerOrganization = new Buckets(properties.writesPerOrganization(), period, keys);
		this.reportsPerMember = new Buckets(properties.reportsPerMember(), period, keys);
		this.reportsPerOrganization = new Buckets(properties.reportsPerOrganization(), period, keys);
		this.signInPerAddress = new Buckets(properties.signInPerAddress(), period, keys);
		this.signInPerOrganization = new Buckets(properties.signInPerOrganization(), period, keys);
	}

	/**
	 * Takes a token from each bucket in turn, narrowest first; the first empty one
	 * refuses the request, and the wider buckets after it keep their tokens (one member's
	 * flood does not use up the organization's).
	 * @return the refusal, or {@code null} when every bucket had a token
	 */
	static ApiException take(BucketKey... keys) {
		for (BucketKey key : keys) {
			ConsumptionProbe probe = key.buckets().take(key.key());
			if (!probe.isConsumed()) {
				return tooMany(probe.getNanosToWaitForRefill());
			}
		}
		return null;
	}

	private static ApiException tooMany(long waitNanos) {
		long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
		ApiException tooMany = new ApiException(HttpStatus.TOO_MANY_REQUESTS, ProblemType.TOO_MANY_REQUESTS,
				"Too many requests; try again in " + seconds + " seconds.", "problem.detail.too-many-requests",
				seconds);
		tooMany.getHeaders().set("Retry-After", Long.toString(seconds));
		return tooMany;
	}

	record BucketKey(Buckets buckets, String key) {
	}

}
