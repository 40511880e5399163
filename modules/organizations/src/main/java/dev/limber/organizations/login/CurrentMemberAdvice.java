package dev.limber.organizations.login;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.limber.organizations.CurrentMember;

/** Every page knows who is signed in, for navigation by role. */
@ControllerAdvice
class CurrentMemberAdvice {

	@ModelAttribute("member")
	Mono<CurrentMember> member() {
		return CurrentMember.current();
	}

}
