package dev.limber.reporting.participation;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.organizations.CurrentMember;

/**
 * Participation for HR analysts and organization admins: JSON by default, CSV for
 * {@code Accept: text/csv}. Every figure passes the anonymity rules of docs/privacy.md.
 */
@RestController
class ParticipationController {

	private final ParticipationReports reports;

	ParticipationController(ParticipationReports reports) {
		this.reports = reports;
	}

	@GetMapping(path = "/api/v1/reports/participation", produces = "application/json")
	Mono<ParticipationReport> json(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String interval,
			@RequestParam(required = false) String groupBy, @RequestParam(required = false) String department,
			@RequestParam(required = false) String location, CurrentMember analyst) {
		return this.reports.report(analyst, from, to, interval, groupBy, department, location);
	}

	@GetMapping(path = "/api/v1/reports/participation", produces = "text/csv")
	Mono<ResponseEntity<String>> csv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String interval,
			@RequestParam(required = false) String groupBy, @RequestParam(required = false) String department,
			@RequestParam(required = false) String location, CurrentMember analyst) {
		return json(from, to, interval, groupBy, department, location, analyst).map((report) -> ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8")
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"participation.csv\"")
			.body(ParticipationCsv.write(report)));
	}

}
