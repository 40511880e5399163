package dev.limber.app.offline;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page the service worker (/sw.js) shows for a page it has not kept when there is no
 * network. Public, so the worker can store it before anyone signs in.
 */
@Controller
class OfflinePageController {

	@GetMapping("/offline")
	String offline() {
		return "offline";
	}

}
