package dev.limber.organizations.scim;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.security.TenantBound;

/** An identity provider's provisioning client, acting for one organization. */
final class ScimAuthentication extends AbstractAuthenticationToken implements TenantBound {

	static final String AUTHORITY = "SCIM_CLIENT";

	private final TenantId tenant;

	ScimAuthentication(TenantId tenant) {
		super(AuthorityUtils.createAuthorityList(AUTHORITY));
		this.tenant = tenant;
		setAuthenticated(true);
	}

	@Override
	public TenantId tenant() {
		return this.tenant;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return "scim:" + this.tenant;
	}

}
