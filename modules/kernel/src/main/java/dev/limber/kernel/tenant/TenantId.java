package dev.limber.kernel.tenant;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The organization a request, a transaction or a row belongs to. Serializable because it
 * travels in portal sessions, which may be kept in Redis.
 */
public record TenantId(UUID value) implements Serializable {

	public TenantId {
		Objects.requireNonNull(value, "value");
	}

	public static TenantId of(String value) {
		return new TenantId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
