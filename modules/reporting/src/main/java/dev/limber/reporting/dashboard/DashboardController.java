package dev.limber.reporting.dashboard;

import java.time.LocalDate;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.problem.ProblemMessages;
import dev.limber.organizations.CurrentMember;
import dev.limber.reporting.engagement.EngagementReports;
import dev.limber.reporting.release.ReleaseCalendar;
import dev.limber.reporting.release.ReportRequest;
import dev.limber.reporting.participation.ParticipationCsv;
import dev.limber.reporting.participation.ParticipationReport;
import dev.limber.reporting.participation.ParticipationReports;

/**
 * The HR dashboard: participation by week or month, as a heatmap table (which doubles as
 * the chart's text alternative) and a trend chart drawn as SVG on the server, with the
 * same release gate as the API and a CSV of exactly what is on screen.
 */
@Controller
class DashboardController {

	private final ParticipationReports reports;

	private final EngagementReports engagement;

	private final ProblemMessages problems;

	private final ReleaseCalendar calendar;

	DashboardController(ParticipationReports reports, EngagementReports engagement, ProblemMessages problems,
			ReleaseCalendar calendar) {
		this.calendar = calendar;
		this.reports = reports;
		this.engagement = engagement;
		this.problems = problems;
	}

	@GetMapping("/hr")
	Mono<String> dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String interval, @RequestParam(required = false) String groupBy,
			@RequestParam(required = false) String department, @RequestParam(required = false) String location,
			Model model, ServerWebExchange exchange, CurrentMember analyst) {
		Query query = Query.of(this.calendar.today(), from, to, interval, groupBy, department, location);
		model.addAttribute("query", query);
		return this.reports
			.report(analyst, query.from(), query.to(), query.interval(), query.groupBy(), query.department(),
					query.location())
			.flatMap((report) -> {
				model.addAttribute("report", report);
				model.addAttribute("groups", report.groupLabels());
				model.addAttribute("latest", report.latestReleased());
				model.addAttribute("trend", TrendChart.of(report));
				if (report.latestReleased() == null) {
					return Mono.just("reporting/dashboard");
				}
				// The dashboard shows where things stand: the latest released week or
				// month, same filters, no grouping.
				String latestStart = report.latestReleased().start().toString();
				ReportRequest latest = ReportRequest.of(latestStart, latestStart, report.interval(), null,
						report.department(), report.location());
				// Each report runs in its own transaction, so the three can run
				// side by side.
				return Mono
					.zip(this.engagement.funnel(analyst, latest), this.engagement.checklistFindings(analyst, latest),
							this.engagement.challenges(analyst, latest))
					.doOnNext((engaged) -> {
						model.addAttribute("funnel", engaged.getT1());
						model.addAttribute("findings", engaged.getT2());
						model.addAttribute("challenges", engaged.getT3());
					})
					.thenReturn("reporting/dashboard");
			})
			.onErrorResume(ApiException.class, (ex) -> {
				model.addAttribute("refused",
						this.problems.localize(ex, exchange.getLocaleContext().getLocale()).getDetail());
				return Mono.just("reporting/dashboard");
			});
	}

	@GetMapping("/hr/participation.csv")
	Mono<ResponseEntity<String>> csv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String interval,
			@RequestParam(required = false) String groupBy, @RequestParam(required = false) String department,
			@RequestParam(required = false) String location, CurrentMember analyst) {
		Query query = Query.of(this.calendar.today(), from, to, interval, groupBy, department, location);
		return this.reports
			.report(analyst, query.from(), query.to(), query.interval(), query.groupBy(), query.department(),
					query.location())
			.map((report) -> ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8")
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"participation.csv\"")
				.body(ParticipationCsv.write(report)));
	}

	/** The dashboard's filters, defaulting to the last twelve weeks by department. */
	public record Query(String from, String to, String interval, String groupBy, String department, String location) {

		static Query of(LocalDate today, String from, String to, String interval, String groupBy, String department,
				String location) {
			return new Query((from == null || from.isBlank()) ? today.minusWeeks(11).toString() : from,
					(to == null || to.isBlank()) ? today.toString() : to,
					(interval == null || interval.isBlank()) ? "week" : interval,
					(groupBy == null) ? "department" : (groupBy.isBlank() ? null : groupBy), blank(department),
					blank(location));
		}

		private static String blank(String value) {
			return (value == null || value.isBlank()) ? null : value;
		}

		public String csvLink() {
			StringBuilder link = new StringBuilder("/hr/participation.csv?from=" + this.from + "&to=" + this.to
					+ "&interval=" + this.interval + "&groupBy=" + ((this.groupBy != null) ? this.groupBy : ""));
			if (this.department != null) {
				link.append("&department=")
					.append(java.net.URLEncoder.encode(this.department, java.nio.charset.StandardCharsets.UTF_8));
			}
			if (this.location != null) {
				link.append("&location=")
					.append(java.net.URLEncoder.encode(this.location, java.nio.charset.StandardCharsets.UTF_8));
			}
			return link.toString();
		}

	}

}
