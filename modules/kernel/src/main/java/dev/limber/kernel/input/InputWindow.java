package dev.limber.kernel.input;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dates any request may name (reports, challenges, activities, their filters): from
 * {@code earliestDate} to {@code yearsAhead} years after today. Far outside it lie dates
 * PostgreSQL or Java cannot hold and periods no report can fill.
 *
 * @param earliestDate the first date a request may name
 * @param yearsAhead how many years after today the last date a request may name lies
 */
@ConfigurationProperties("limber.input")
public record InputWindow(@DefaultValue("2000-01-01") LocalDate earliestDate, @DefaultValue("2") int yearsAhead) {

	public LocalDate latestDate(Clock clock) {
		return LocalDate.now(clock).plusYears(this.yearsAhead);
	}

	public boolean contains(LocalDate date, Clock clock) {
		return !date.isBefore(this.earliestDate) && !date.isAfter(latestDate(clock));
	}

}
