package dev.limber.organizations.members;

import java.util.UUID;

/**
 * Published on this instance after a sign-in stored a member, so cached states are
 * dropped.
 */
record MemberChanged(UUID member) {
}
