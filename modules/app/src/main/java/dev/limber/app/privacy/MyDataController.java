package dev.limber.app.privacy;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import dev.limber.organizations.CurrentMember;

/**
 * "My data": download everything Limber holds about me, or delete it. The API serves
 * tokens; the page and its forms serve the portal session.
 */
@Controller
class MyDataController {

	private final MyData myData;

	MyDataController(MyData myData) {
		this.myData = myData;
	}

	@GetMapping("/api/v1/me/export")
	@ResponseBody
	Mono<Map<String, Object>> export(CurrentMember member) {
		return this.myData.export(member);
	}

	@DeleteMapping("/api/v1/me")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> erase(CurrentMember member) {
		return this.myData.erase(member);
	}

	@GetMapping("/my-data")
	String page(Model model, ServerWebExchange exchange) {
		// "?confirm" has no value, so it is asked for by name rather than bound
		model.addAttribute("confirmNeeded", exchange.getRequest().getQueryParams().containsKey("confirm"));
		return "my-data";
	}

	@GetMapping("/my-data/export")
	Mono<ResponseEntity<Map<String, Object>>> download(CurrentMember member) {
		return this.myData.export(member)
			.map((export) -> ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"limber-my-data.json\"")
				.body(export));
	}

	/** Deletes only with the confirmation box ticked, then ends the session. */
	@PostMapping("/my-data/delete")
	Mono<String> delete(ServerWebExchange exchange, CurrentMember member) {
		return exchange.getFormData().flatMap((form) -> {
			if (!"yes".equals(form.getFirst("confirm"))) {
				return Mono.just("redirect:/my-data?confirm");
			}
			return this.myData.erase(member)
				.then(exchange.getSession().flatMap(WebSession::invalidate))
				.thenReturn("redirect:/?deleted");
		});
	}

}
