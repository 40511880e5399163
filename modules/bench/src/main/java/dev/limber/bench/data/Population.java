package dev.limber.bench.data;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Generated members of one or more organizations, with the keyed pseudonyms reporting
 * would derive for them (HMAC-SHA256 of the member id with the organization's secret,
 * first 16 bytes as hex, exactly as the reporting module's Pseudonyms does).
 */
public final class Population {

	public static final List<String> DEPARTMENTS = List.of("Engineering", "Sales", "Operations", "Finance", "People",
			"Legal", "Marketing", "Support", "Product", "Design", "Data", "Security", "Facilities", "Procurement",
			"Logistics", "Manufacturing", "Research", "Quality", "IT", "Communications");

	public static final List<String> LOCATIONS = List.of("Berlin", "Lisbon", "Toronto", "Austin", "Singapore");

	private final List<Member> members = new ArrayList<>();

	private final Map<UUID, byte[]> secrets = new HashMap<>();

	private final SecureRandom random = new SecureRandom();

	/**
	 * Adds {@code count} members to {@code tenant}, spread over {@code departments}
	 * departments.
	 */
	public void add(Tenant tenant, int count, int departments) {
		byte[] secret = this.secrets.computeIfAbsent(tenant.id(), (id) -> {
			byte[] bytes = new byte[32];
			this.random.nextBytes(bytes);
			return bytes;
		});
		for (int n = 0; n < count; n++) {
			UUID id = UUID.randomUUID();
			String department = DEPARTMENTS.get(n % departments);
			String location = LOCATIONS.get((n / departments) % LOCATIONS.size());
			this.members.add(new Member(tenant, this.members.size(), id, subject(n), department, location,
					pseudonym(secret, id.toString())));
		}
	}

	public static String subject(int n) {
		return "m-" + n;
	}

	public List<Member> members() {
		return this.members;
	}

	public Map<UUID, byte[]> secrets() {
		return this.secrets;
	}

	static String pseudonym(byte[] key, String memberId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(memberId.getBytes(StandardCharsets.UTF_8)), 0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param index position in the population, used to pick members set-based in SQL
	 */
	public record Member(Tenant tenant, int index, UUID id, String subject, String department, String location,
			String pseudonym) {
	}

}
