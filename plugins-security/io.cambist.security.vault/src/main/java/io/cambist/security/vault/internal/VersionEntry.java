package io.cambist.security.vault.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import io.cambist.api.security.KeyState;
import io.cambist.api.security.KeyVersion;
import io.cambist.api.security.Scope;

/**
 * One version of a key as the vault holds it: immutable metadata (a state change makes a new entry) and the
 * {@link SecretMaterial}, shared between the entries of the same version, or {@code null} once the version is retired
 * or revoked (its secret is then dropped from the vault file).
 */
final class VersionEntry {

    final String alias;
    final int version;
    final KeyState state;
    final Set<Scope> scopes;
    /** The scopes as bits (1 << ordinal), for the signing path's check. */
    final int scopeBits;
    final String publicId;
    final long created;
    final Long activated;
    final Long expires;
    final SecretMaterial secret;
    /** The metadata without last-used, built once: it goes into every MacResult. */
    final KeyVersion info;

    VersionEntry(String alias, int version, KeyState state, Set<Scope> scopes, String publicId, long created,
            Long activated, Long expires, SecretMaterial secret) {
        this.alias = Objects.requireNonNull(alias);
        this.version = version;
        this.state = Objects.requireNonNull(state);
        this.scopes = Set.copyOf(scopes);
        int bits = 0;
        for (Scope s : this.scopes) {
            bits |= 1 << s.ordinal();
        }
        this.scopeBits = bits;
        this.publicId = publicId == null ? alias : publicId;
        this.created = created;
        this.activated = activated;
        this.expires = expires;
        this.secret = state == KeyState.RETIRED || state == KeyState.REVOKED ? null : secret;
        this.info = new KeyVersion(alias, version, state, this.scopes, this.publicId, Instant.ofEpochMilli(created),
                activated == null ? null : Instant.ofEpochMilli(activated),
                expires == null ? null : Instant.ofEpochMilli(expires), null);
    }

    boolean allows(Scope scope) {
        return (scopeBits & (1 << scope.ordinal())) != 0;
    }

    /** The same version in another state. */
    VersionEntry withState(KeyState newState, Long newActivated, Long newExpires) {
        return new VersionEntry(alias, version, newState, scopes, publicId, created, newActivated, newExpires, secret);
    }

    /** True when inbound verification accepts it at {@code now}: ACTIVE, or PREVIOUS before its expiry. */
    boolean verifiesAt(long now) {
        if (secret == null) {
            return false;
        }
        return state == KeyState.ACTIVE ? expires == null || now < expires
                : state == KeyState.PREVIOUS && (expires == null || now < expires);
    }

    /** The metadata with the last-used time. */
    KeyVersion describe() {
        long used = secret == null ? 0 : secret.lastUsed();
        return new KeyVersion(alias, version, state, scopes, publicId, info.created(), info.activated(), info.expires(),
                used == 0 ? null : Instant.ofEpochMilli(used));
    }

    @Override
    public String toString() {
        return "VersionEntry[" + alias + " v" + version + " " + state + " " + scopes + "]";
    }
}
