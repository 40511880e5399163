package dev.limber.reporting.engagement;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.organizations.CurrentMember;
import dev.limber.reporting.engagement.EngagementReports.ChallengeEngagement;
import dev.limber.reporting.engagement.EngagementReports.Finding;
import dev.limber.reporting.engagement.EngagementReports.Funnel;
import dev.limber.reporting.engagement.EngagementReports.Report;
import dev.limber.reporting.release.ReportRequest;

/**
 * The program funnel, checklist findings and challenge engagement for HR analysts and
 * organization admins, per week or month, optionally for one department and/or location.
 */
@RestController
class EngagementController {

	private final EngagementReports reports;

	EngagementController(EngagementReports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/v1/reports/programs")
	Mono<Report<Funnel>> funnel(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "month") String interval, @RequestParam(required = false) String groupBy,
			@RequestParam(required = false) String department, @RequestParam(required = false) String location,
			CurrentMember analyst) {
		return this.reports.funnel(analyst, ReportRequest.of(from, to, interval, groupBy, department, location));
	}

	@GetMapping("/api/v1/reports/checklists")
	Mono<Report<Finding>> checklists(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "month") String interval,
			@RequestParam(required = false) String groupBy, @RequestParam(required = false) String department,
			@RequestParam(required = false) String location, CurrentMember analyst) {
		return this.reports.checklistFindings(analyst,
				ReportRequest.of(from, to, interval, groupBy, department, location));
	}

	@GetMapping("/api/v1/reports/challenges")
	Mono<Report<ChallengeEngagement>> challenges(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "month") String interval,
			@RequestParam(required = false) String groupBy, @RequestParam(required = false) String department,
			@RequestParam(required = false) String location, CurrentMember analyst) {
		return this.reports.challenges(analyst, ReportRequest.of(from, to, interval, groupBy, department, location));
	}

}
