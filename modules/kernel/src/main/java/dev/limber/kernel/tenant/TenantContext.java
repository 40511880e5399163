package dev.limber.kernel.tenant;

import java.util.Optional;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Carries the current tenant in the Reactor context, so it follows a request across
 * threads without a {@code ThreadLocal}.
 */
public final class TenantContext {

	private static final Class<TenantId> KEY = TenantId.class;

	private TenantContext() {
	}

	/**
	 * A context modification that makes {@code tenant} current for everything upstream.
	 */
	public static Context with(TenantId tenant) {
		return Context.of(KEY, tenant);
	}

	public static Optional<TenantId> current(ContextView context) {
		return context.getOrEmpty(KEY);
	}

	/**
	 * The current tenant, or an error when none is set: callers that need one fail
	 * loudly.
	 */
	public static Mono<TenantId> require() {
		return Mono.deferContextual((context) -> current(context).map(Mono::just)
			.orElseGet(() -> Mono.error(new MissingTenantException())));
	}

	public static final class MissingTenantException extends IllegalStateException {

		MissingTenantException() {
			super("No tenant in the current context");
		}

	}

}
