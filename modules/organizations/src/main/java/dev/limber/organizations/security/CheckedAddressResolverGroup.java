package dev.limber.organizations.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import reactor.core.scheduler.Schedulers;

/**
 * Resolves a host once and hands the connection only addresses the {@link IssuerPolicy}
 * allows; an IP literal is checked the same way. The connection then uses exactly the
 * checked address, never a second lookup.
 */
final class CheckedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

	private final IssuerPolicy policy;

	CheckedAddressResolverGroup(IssuerPolicy policy) {
		this.policy = policy;
	}

	@Override
	protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
		return new CheckedResolver(executor, this.policy);
	}

	private static final class CheckedResolver extends AbstractAddressResolver<InetSocketAddress> {

		private final IssuerPolicy policy;

		CheckedResolver(EventExecutor executor, IssuerPolicy policy) {
			super(executor, InetSocketAddress.class);
			this.policy = policy;
		}

		@Override
		protected boolean doIsResolved(InetSocketAddress address) {
			// even an IP literal goes through doResolve, so that it is checked too
			return false;
		}

		@Override
		protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
			resolveChecked(unresolved, executor().newPromise()).addListener((Future<List<InetAddress>> done) -> {
				if (done.isSuccess()) {
					promise.setSuccess(new InetSocketAddress(done.getNow().get(0), unresolved.getPort()));
				}
				else {
					promise.setFailure(done.cause());
				}
			});
		}

		@Override
		protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
			resolveChecked(unresolved, executor().newPromise()).addListener((Future<List<InetAddress>> done) -> {
				if (done.isSuccess()) {
					promise.setSuccess(done.getNow()
						.stream()
						.map((address) -> new InetSocketAddress(address, unresolved.getPort()))
						.toList());
				}
				else {
					promise.setFailure(done.cause());
				}
			});
		}

		private Future<List<InetAddress>> resolveChecked(InetSocketAddress target, Promise<List<InetAddress>> checked) {
			if (!target.isUnresolved()) {
				return accept(List.of(target.getAddress()), checked);
			}
			// the JDK resolver blocks: off the event loop, which also serves
			// Limber's own requests
			Schedulers.boundedElastic().schedule(() -> {
				try {
					accept(List.of(InetAddress.getAllByName(target.getHostString())), checked);
				}
				catch (UnknownHostException ex) {
					checked.setFailure(ex);
				}
			});
			return checked;
		}

		/**
		 * Every address of the host must be allowed: one internal answer makes the host
		 * suspect.
		 */
		private Future<List<InetAddress>> accept(List<InetAddress> addresses, Promise<List<InetAddress>> checked) {
			if (addresses.isEmpty() || !addresses.stream().allMatch(this.policy::isAllowed)) {
				return checked.setFailure(new IssuerPolicy.RejectedIssuerException(
						"An identity provider address resolved to a private or local address."));
			}
			return checked.setSuccess(addresses);
		}

	}

}
