package dev.limber.devidp;

import java.util.List;

/**
 * A person in a demo organization, with the claims their company's IdP would send.
 *
 * @param issuer the path segment of the issuer this user signs in at
 */
record DemoUser(String email, String name, String issuer, String department, String location, List<String> groups,
		List<String> roles) {

	String subject() {
		return this.email;
	}

}
