package io.cambist.security.vault.internal;

import java.util.List;

import io.cambist.api.security.KeyInfo;
import io.cambist.api.security.KeyState;

/**
 * A key alias and its versions (oldest first), immutable: every change makes a new entry.
 *
 * @param alias       the alias
 * @param description what it is for
 * @param versions    its versions, oldest first
 */
record KeyEntry(String alias, String description, List<VersionEntry> versions) {

    KeyEntry {
        versions = List.copyOf(versions);
    }

    /** The ACTIVE version, or null. */
    VersionEntry active() {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).state == KeyState.ACTIVE) {
                return versions.get(i);
            }
        }
        return null;
    }

    /** The PENDING (staged) version, or null. */
    VersionEntry pending() {
        for (VersionEntry v : versions) {
            if (v.state == KeyState.PENDING) {
                return v;
            }
        }
        return null;
    }

    int lastVersion() {
        return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version;
    }

    KeyInfo describe() {
        return new KeyInfo(alias, description, versions.stream().map(VersionEntry::describe).toList());
    }
}
