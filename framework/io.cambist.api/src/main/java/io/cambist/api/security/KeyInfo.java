package io.cambist.api.security;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A key alias with all its versions, newest last. Never carries a secret.
 *
 * @param alias       the alias
 * @param description what the key is for
 * @param versions    every version, oldest first
 */
public record KeyInfo(String alias, String description, List<KeyVersion> versions) {

    public KeyInfo {
        Objects.requireNonNull(alias, "alias");
        versions = List.copyOf(versions);
    }

    /** The ACTIVE version, if any. */
    public Optional<KeyVersion> active() {
        return versions.stream().filter(v -> v.state() == KeyState.ACTIVE).findFirst();
    }
}
