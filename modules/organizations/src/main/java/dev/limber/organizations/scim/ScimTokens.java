package dev.limber.organizations.scim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.AuditActor;
import dev.limber.organizations.AuditTrail;
import dev.limber.organizations.directory.OrganizationStore;

/**
 * SCIM bearer tokens: random, shown once at rotation, stored only as a SHA-256 hash (the
 * token carries 256 random bits, so a fast hash is enough and allows a direct lookup).
 */
@Service
public class ScimTokens {

	private final SecureRandom random = new SecureRandom();

	private final OrganizationStore organizations;

	private final AuditTrail trail;

	private final TransactionalOperator transactions;

	ScimTokens(OrganizationStore organizations, AuditTrail trail, TransactionalOperator transactions) {
		this.organizations = organizations;
		this.trail = trail;
		this.transactions = transactions;
	}

	/** Replaces the organization's token; the old one stops working at once. Audited. */
	public Mono<String> rotate(TenantId organization) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = "scim_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return this.organizations.replaceScimTokenHash(organization, hash(token))
			.flatMap((hadToken) -> audit(hadToken ? "scim-token.rotated" : "scim-token.created"))
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(organization))
			.thenReturn(token);
	}

	/**
	 * Removes the organization's token: SCIM answers 401 until a new one is created.
	 * Audited.
	 */
	public Mono<Void> revoke(TenantId organization) {
		return this.organizations.replaceScimTokenHash(organization, null)
			.flatMap((hadToken) -> hadToken ? audit("scim-token.revoked") : Mono.empty())
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(organization));
	}

	private Mono<Void> audit(String action) {
		return AuditActor.current()
			.flatMap((actor) -> this.trail.record(actor.memberId(), action, "scim-token",
					actor.with(java.util.Map.of())));
	}

	Mono<TenantId> organizationOf(String token) {
		return this.organizations.findTenantByScimTokenHash(hash(token));
	}

	static String hash(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}
