package dev.limber.organizations.security;

import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;

/**
 * Hands a handler its signed-in member as an argument:
 * {@code Mono<String> page(CurrentMember
 * member)}. The security rules let only members reach such handlers; a request without
 * one (an operator token on a member path) is refused rather than run with no member. A
 * page that visitors see too takes an {@code Optional<CurrentMember>}.
 */
@Configuration(proxyBeanMethods = false)
class CurrentMemberArguments implements WebFluxConfigurer {

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(new Resolver());
	}

	static final class Resolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.nestedIfOptional().getNestedParameterType() == CurrentMember.class;
		}

		@Override
		public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
				ServerWebExchange exchange) {
			if (parameter.getParameterType() == Optional.class) {
				return CurrentMember.current().map(Optional::of).defaultIfEmpty(Optional.empty()).cast(Object.class);
			}
			return CurrentMember.current()
				.cast(Object.class)
				.switchIfEmpty(
						Mono.error(() -> ApiException.forbidden("Only members of an organization may do this.")));
		}

	}

}
