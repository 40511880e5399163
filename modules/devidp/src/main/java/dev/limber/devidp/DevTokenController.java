package dev.limber.devidp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Development shortcut behind {@code make token}: trades a demo user's email and password
 * for an access token, signed with the same key and carrying the same claims as tokens
 * from the browser sign-in. Exists only in this development IdP.
 */
@RestController
class DevTokenController {

	private static final Duration LIFETIME = Duration.ofHours(1);

	private final DemoDirectory directory;

	private final UserDetailsService users;

	private final PasswordEncoder passwords;

	private final JwtEncoder encoder;

	DevTokenController(DemoDirectory directory, UserDetailsService users, PasswordEncoder passwords,
			JwtEncoder encoder) {
		this.directory = directory;
		this.users = users;
		this.passwords = passwords;
		this.encoder = encoder;
	}

	@PostMapping("/dev/token")
	Map<String, Object> token(@RequestParam String username, @RequestParam String password) {
		DemoUser user = this.directory.find(username)
			.filter((found) -> matches(found, password))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Unknown user or wrong password"));
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		String audience = DemoDirectory.PLATFORM.equals(user.issuer()) ? "limber-platform" : "limber-" + user.issuer();
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(base + "/" + user.issuer())
			.subject(user.subject())
			.audience(List.of(audience))
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(LIFETIME))
			.claim("scope", "openid profile email")
			.claims((all) -> all.putAll(DemoClaims.of(user)))
			.build();
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
		return Map.of("access_token", token, "token_type", "Bearer", "expires_in", LIFETIME.toSeconds());
	}

	private boolean matches(DemoUser user, String password) {
		try {
			return this.passwords.matches(password, this.users.loadUserByUsername(user.email()).getPassword());
		}
		catch (UsernameNotFoundException ex) {
			return false;
		}
	}

}
