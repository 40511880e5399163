package dev.limber.reporting.ingestion;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.kernel.tenant.TenantId;

/**
 * Keyed pseudonyms for distinct counts: HMAC-SHA256 of the member id with a secret per
 * organization, created on first use and never returned by any API. Without the secret a
 * pseudonym cannot be linked back to a member, and pseudonyms differ between
 * organizations.
 */
@Component
public class Pseudonyms {

	private final DatabaseClient database;

	private final SecureRandom random = new SecureRandom();

	Pseudonyms(DatabaseClient database) {
		this.database = database;
	}

	/** The current tenant's key; runs inside the caller's transaction. */
	public Mono<byte[]> key(TenantId tenant) {
		byte[] fresh = new byte[32];
		this.random.nextBytes(fresh);
		return this.database.sql(
				"insert into reporting.tenant_secret (tenant_id, secret) values (:tenant, :secret) on conflict do nothing")
			.bind("tenant", tenant.value())
			.bind("secret", fresh)
			.then()
			.then(this.database.sql("select secret from reporting.tenant_secret")
				.map((row, metadata) -> row.get("secret", byte[].class))
				.one());
	}

	public static String of(byte[] key, String memberId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(memberId.getBytes(StandardCharsets.UTF_8)), 0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is always available", ex);
		}
	}

}
