package io.cambist.security.vault.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cambist.api.security.KeyState;

/** An immutable view of every key, indexed for the lock-free read path. */
final class KeySet {
    final Map<String, KeyEntry> byAlias;
    final Map<String, List<VersionEntry>> byPublicId;
    /** The next time a version must change state (an overlap ends), or Long.MAX_VALUE. */
    final long nextTransition;

    private KeySet(Map<String, KeyEntry> byAlias, Map<String, List<VersionEntry>> byPublicId, long next) {
        this.byAlias = byAlias;
        this.byPublicId = byPublicId;
        this.nextTransition = next;
    }

    static KeySet of(Iterable<KeyEntry> entries) {
        Map<String, KeyEntry> byAlias = new HashMap<>();
        Map<String, List<VersionEntry>> byPublicId = new HashMap<>();
        long next = Long.MAX_VALUE;
        for (KeyEntry e : entries) {
            byAlias.put(e.alias(), e);
            for (VersionEntry v : e.versions()) {
                byPublicId.computeIfAbsent(v.publicId, p -> new ArrayList<>()).add(v);
                if ((v.state == KeyState.PREVIOUS || v.state == KeyState.ACTIVE) && v.expires != null) {
                    next = Math.min(next, v.expires);
                }
            }
        }
        byPublicId.replaceAll((p, list) -> List.copyOf(list));
        return new KeySet(Map.copyOf(byAlias), Map.copyOf(byPublicId), next);
    }
}
