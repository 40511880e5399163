package dev.limber.organizations.scim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.directory.OrganizationRepository;

/**
 * SCIM bearer tokens: random, shown once at rotation, stored only as a SHA-256 hash (the
 * token carries 256 random bits, so a fast hash is enough and allows a direct lookup).
 */
@Service
public class ScimTokens {

	private final SecureRandom random = new SecureRandom();

	private final OrganizationRepository organizations;

	ScimTokens(OrganizationRepository organizations) {
		this.organizations = organizations;
	}

	/** Replaces the organization's token; the old one stops working at once. */
	public Mono<String> rotate(TenantId organization) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = "scim_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return this.organizations.updateScimTokenHash(organization, hash(token)).thenReturn(token);
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
