package dev.limber.organizations.demo;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.organizations.directory.OrganizationStore;
import dev.limber.organizations.directory.OrganizationRequest;
import dev.limber.organizations.directory.OrganizationService;

/**
 * Development only: registers the demo organizations {@code acme} and {@code globex} with
 * the development identity provider, unless they exist already.
 */
@Component
@ConditionalOnProperty(name = "limber.demo.enabled", havingValue = "true")
class DemoOrganizations {

	private static final Log logger = LogFactory.getLog(DemoOrganizations.class);

	private final OrganizationService service;

	private final OrganizationStore store;

	private final DemoProperties properties;

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	private final ApplicationEventPublisher events;

	DemoOrganizations(OrganizationService service, OrganizationStore store, DemoProperties properties,
			DatabaseClient database, TransactionalOperator transactions, ApplicationEventPublisher events) {
		this.database = database;
		this.transactions = transactions;
		this.events = events;
		this.service = service;
		this.store = store;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void registerDemoOrganizations() {
		Flux.just(new Demo("acme", "Acme Corporation", "Europe/Berlin"),
				new Demo("globex", "Globex Inc.", "America/New_York"))
			.concatMap(this::registerIfMissing)
			.blockLast();
	}

	private Mono<Void> registerIfMissing(Demo demo) {
		OrganizationRequest request = new OrganizationRequest(demo.slug(), demo.name(),
				this.properties.identityProviderUrl() + "/" + demo.slug(), "limber-" + demo.slug(),
				"limber-" + demo.slug(), null, List.of(demo.slug() + ".test"), null, 5, demo.timeZone());
		return this.store.findBySlug(demo.slug())
			.hasElement()
			.flatMap((exists) -> exists ? Mono.empty() : this.service.create(request)
				.doOnNext((created) -> logger.info("Demo organization " + created.slug() + " registered"))
				.flatMap((created) -> DemoPeople.create(created, this.database, this.transactions, this.events)));
	}

	private record Demo(String slug, String name, String timeZone) {
	}

}
