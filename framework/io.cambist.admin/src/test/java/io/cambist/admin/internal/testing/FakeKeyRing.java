package io.cambist.admin.internal.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.cambist.api.security.CreatedKey;
import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.KeyInfo;
import io.cambist.api.security.KeyRing;
import io.cambist.api.security.KeyState;
import io.cambist.api.security.KeyVersion;
import io.cambist.api.security.MacResult;
import io.cambist.api.security.NewKey;
import io.cambist.api.security.Scope;

/** A key ring in memory that remembers the secrets it was given (so tests can check they arrived, and were not echoed). */
public final class FakeKeyRing implements KeyRing {

    public static final String GENERATED = "generated-secret-0123456789";
    private static final Instant T0 = Instant.ofEpochMilli(1_767_225_600_000L);

    private final Map<String, KeyInfo> keys = new TreeMap<>();
    public final Map<String, String> secrets = new TreeMap<>();
    public final List<char[]> received = new ArrayList<>();
    public String lastActor;

    @Override
    public synchronized List<KeyInfo> list() {
        return List.copyOf(keys.values());
    }

    @Override
    public synchronized Optional<KeyInfo> get(String alias) {
        return Optional.ofNullable(keys.get(alias));
    }

    @Override
    public synchronized CreatedKey create(NewKey key, String actor) {
        if (keys.containsKey(key.alias())) {
            throw new IllegalArgumentException("key " + key.alias() + " exists");
        }
        lastActor = actor;
        KeyVersion v = new KeyVersion(key.alias(), 1, KeyState.ACTIVE, key.scopes(),
                key.publicId() == null ? key.alias() : key.publicId(), T0, T0, null, null);
        keys.put(key.alias(), new KeyInfo(key.alias(), key.description(), List.of(v)));
        remember(key.alias(), key.secret());
        return new CreatedKey(v, key.secret() == null ? GENERATED : null);
    }

    @Override
    public synchronized CreatedKey rotate(String alias, char[] secret, String publicId, Duration overlap, String actor) {
        KeyInfo info = keys.get(alias);
        if (info == null) {
            throw new NoSuchElementException("no key " + alias);
        }
        lastActor = actor;
        List<KeyVersion> versions = new ArrayList<>();
        KeyVersion active = info.active().orElseThrow();
        for (KeyVersion v : info.versions()) {
            versions.add(v.state() == KeyState.ACTIVE ? new KeyVersion(alias, v.version(), KeyState.PREVIOUS, v.scopes(),
                    v.publicId(), v.created(), v.activated(), T0.plus(overlap), null) : v);
        }
        KeyVersion next = new KeyVersion(alias, active.version() + 1, KeyState.ACTIVE, active.scopes(),
                publicId == null ? active.publicId() : publicId, T0, T0, null, null);
        versions.add(next);
        keys.put(alias, new KeyInfo(alias, info.description(), versions));
        remember(alias, secret);
        return new CreatedKey(next, secret == null ? GENERATED : null);
    }

    @Override
    public synchronized CreatedKey stage(String alias, char[] secret, String publicId, String actor) {
        KeyInfo info = keys.get(alias);
        if (info == null) {
            throw new NoSuchElementException("no key " + alias);
        }
        if (info.versions().stream().anyMatch(v -> v.state() == KeyState.PENDING)) {
            throw new IllegalStateException("key " + alias + " already has a PENDING version");
        }
        lastActor = actor;
        KeyVersion last = info.versions().get(info.versions().size() - 1);
        KeyVersion staged = new KeyVersion(alias, last.version() + 1, KeyState.PENDING, last.scopes(),
                publicId == null ? last.publicId() : publicId, T0, null, null, null);
        List<KeyVersion> versions = new ArrayList<>(info.versions());
        versions.add(staged);
        keys.put(alias, new KeyInfo(alias, info.description(), versions));
        remember(alias, secret);
        return new CreatedKey(staged, secret == null ? GENERATED : null);
    }

    @Override
    public synchronized KeyInfo activate(String alias, int version, Duration overlap, String actor) {
        KeyInfo info = keys.get(alias);
        if (info == null) {
            throw new NoSuchElementException("no key " + alias);
        }
        KeyVersion target = info.versions().stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new NoSuchElementException("key " + alias + " has no version " + version));
        if (target.state() != KeyState.PENDING) {
            throw new IllegalStateException("version " + version + " of key " + alias + " is not PENDING");
        }
        lastActor = actor;
        List<KeyVersion> versions = info.versions().stream().map(v -> v == target
                ? new KeyVersion(alias, v.version(), KeyState.ACTIVE, v.scopes(), v.publicId(), v.created(), T0, null, null)
                : v.state() == KeyState.ACTIVE
                        ? new KeyVersion(alias, v.version(), KeyState.PREVIOUS, v.scopes(), v.publicId(), v.created(),
                                v.activated(), T0.plus(overlap), null)
                        : v).toList();
        KeyInfo after = new KeyInfo(alias, info.description(), versions);
        keys.put(alias, after);
        return after;
    }

    @Override
    public synchronized KeyInfo revoke(String alias, int version, String reason, String actor) {
        KeyInfo info = keys.get(alias);
        if (info == null) {
            throw new NoSuchElementException("no key " + alias);
        }
        lastActor = actor;
        List<KeyVersion> versions = info.versions().stream().map(v -> version == 0 || v.version() == version
                ? new KeyVersion(alias, v.version(), KeyState.REVOKED, v.scopes(), v.publicId(), v.created(), v.activated(),
                        v.expires(), v.lastUsed())
                : v).toList();
        KeyInfo after = new KeyInfo(alias, info.description(), versions);
        keys.put(alias, after);
        return after;
    }

    @Override
    public MacResult mac(String alias, String algorithm, KeyEncoding encoding, byte[] message, Scope scope) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<KeyVersion> verify(String keyId, String algorithm, KeyEncoding encoding, byte[] message, byte[] mac) {
        return Optional.empty();
    }

    @Override
    public Optional<KeyVersion> matchSecret(String keyId, char[] presented) {
        return Optional.empty();
    }

    private void remember(String alias, char[] secret) {
        if (secret != null) {
            received.add(secret);
            secrets.put(alias, new String(secret));
        }
    }

    /** Scopes helper. */
    public static Set<Scope> scopes(Scope... s) {
        return Set.of(s);
    }
}
