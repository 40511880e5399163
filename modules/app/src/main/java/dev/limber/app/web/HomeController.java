package dev.limber.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's front door: a welcome for visitors, a summary for signed-in members. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
