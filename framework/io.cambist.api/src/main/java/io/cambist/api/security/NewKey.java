package io.cambist.api.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * A key to create or import.
 *
 * @param alias       1 to 64 characters of {@code [A-Za-z0-9_.-]}
 * @param description what it is for
 * @param scopes      what it may be used for (at least one)
 * @param publicId    the non-secret identifier (a venue's API key); {@code null} to use the alias
 * @param secret      the secret to import, or {@code null} to generate 32 random bytes (returned once)
 */
public record NewKey(String alias, String description, Set<Scope> scopes, String publicId, char[] secret) {

    public NewKey {
        KeyAliases.check(alias);
        Objects.requireNonNull(scopes, "scopes");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("key '" + alias + "' needs at least one scope (read, trade, admin, webhook)");
        }
        scopes = Set.copyOf(scopes);
        if (secret != null && secret.length == 0) {
            throw new IllegalArgumentException("key '" + alias + "' has an empty secret");
        }
    }

    @Override
    public String toString() {
        // never print the secret
        return "NewKey[alias=" + alias + ", scopes=" + scopes + ", publicId=" + publicId + ", secret="
                + (secret == null ? "generated" : "***") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NewKey k && alias.equals(k.alias) && Objects.equals(description, k.description)
                && scopes.equals(k.scopes) && Objects.equals(publicId, k.publicId) && Arrays.equals(secret, k.secret);
    }

    @Override
    public int hashCode() {
        return alias.hashCode();
    }
}
