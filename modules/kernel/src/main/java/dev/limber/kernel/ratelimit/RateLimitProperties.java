package dev.limber.kernel.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests of each kind one caller may make per {@code period}, counted in
 * memory on each instance (with several instances behind a load balancer, a caller gets
 * up to that many times the limit). The defaults are far above what a person or an
 * organization does.
 *
 * @param enabled off only for load tests that play thousands of members from one address
 * @param period the window the limits below are counted in; used up tokens refill evenly
 * over it
 * @param writesPerMember changes (POST, PUT, PATCH, DELETE) by one member or SCIM token
 * @param writesPerOrganization changes by all members of one organization together
 * @param reportsPerMember HR reports and dashboards one member asks for
 * @param reportsPerOrganization HR reports and dashboards of one organization together
 * @param signInPerAddress sign-in starts ({@code POST /login},
 * {@code /oauth2/authorization/*}) from one client address
 * @param signInPerOrganization sign-in starts for one organization's identity provider
 * @param maxKeys callers remembered per kind before the least recently seen are forgotten
 */
@ConfigurationProperties("limber.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration period,
		@DefaultValue("300") int writesPerMember, @DefaultValue("6000") int writesPerOrganization,
		@DefaultValue("60") int reportsPerMember, @DefaultValue("600") int reportsPerOrganization,
		@DefaultValue("60") int signInPerAddress, @DefaultValue("1200") int signInPerOrganization,
		@DefaultValue("100000") int maxKeys) {
}
