package at.alma.mentoring.platform;

import java.util.UUID;

/**
 * Published in the transaction that raises a member's token version (or lifts a
 * suspension): after its commit this node forgets the cached version at once and closes
 * the member's live subscriptions of older tokens; other nodes notice within
 * {@link SecuritySettings#revocationCache()}.
 */
public record TokensRevoked(UUID memberId) {
}
