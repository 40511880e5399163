package dev.limber.kernel.security;

import java.util.List;

/**
 * A module's access rules for its own paths, as a bean. The security chains apply every
 * module's rules (in bean order, so a module puts its narrower paths first) and then
 * their default for everything no rule names: the API wants an employee, the portal a
 * sign-in, so a path nobody declared is never open. A new module declares its paths here
 * instead of editing the security configuration.
 */
@FunctionalInterface
public interface PathRules {

	List<PathRule> rules();

}
