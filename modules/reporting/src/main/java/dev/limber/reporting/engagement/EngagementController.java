package dev.limber.reporting.engagement;

import java.time.LocalDate;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.organizations.CurrentMember;

/** The program funnel and the checklist findings, for HR analysts and organization admins. */
@RestController
class EngagementController {

	private final EngagementReports reports;

	EngagementController(EngagementReports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/v1/reports/programs")
	Mono<List<EngagementReports.Funnel>> funnel(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return CurrentMember.current().flatMap((analyst) -> this.reports.funnel(analyst, from, to));
	}

	@GetMapping("/api/v1/reports/challenges")
	Mono<List<EngagementReports.ChallengeEngagement>> challenges(
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return CurrentMember.current().flatMap((analyst) -> this.reports.challenges(analyst, from, to));
	}

	@GetMapping("/api/v1/reports/checklists")
	Mono<List<EngagementReports.Finding>> checklists(
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return CurrentMember.current().flatMap((analyst) -> this.reports.checklistFindings(analyst, from, to));
	}

}
