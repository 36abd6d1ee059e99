package io.cambist.security.vault.internal;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import javax.crypto.Mac;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.security.AuditEvent;
import io.cambist.api.security.AuditLog;
import io.cambist.api.security.CreatedKey;
import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.KeyInfo;
import io.cambist.api.security.KeyRing;
import io.cambist.api.security.KeyState;
import io.cambist.api.security.KeyUnavailableException;
import io.cambist.api.security.KeyVersion;
import io.cambist.api.security.MacResult;
import io.cambist.api.security.NewKey;
import io.cambist.api.security.Scope;

/**
 * The key ring itself, usable with or without OSGi (the component and the offline tool both wrap it). Reads (MAC,
 * verify, list) work lock-free on an immutable snapshot; changes run under one lock, are written to the vault file
 * first and published after, so a failed write changes nothing. Opening (the slow KDF) happens on first use, or
 * earlier when the owner calls {@link #unlock()}; callers that arrive meanwhile wait for it. It implements the whole
 * {@link KeyRing} contract, hence its length; the file format and disk work live in {@link VaultStorage} and
 * {@link VaultFile}, the read-side index in {@link KeySet}.
 */
final class Vault implements KeyRing, AutoCloseable {

    private final Logger logger = LoggerFactory.getLogger(Vault.class);

    private final VaultStorage storage;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration defaultOverlap;
    private final SecureRandom random = new SecureRandom();

    private final Object writeLock = new Object();
    private volatile KeySet keys;
    private VaultException sticky;
    private boolean closed;
    private volatile boolean lastUsedChanged;

    Vault(VaultStorage storage, AuditLog audit, Clock clock, Duration defaultOverlap) {
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
        this.defaultOverlap = defaultOverlap;
    }

    /**
     * Opens the vault now, if it is not open yet.
     *
     * @throws VaultException when it cannot be opened
     */
    void unlock() {
        current();
    }

    /** True once the vault is open. */
    boolean unlocked() {
        return keys != null;
    }

    private KeySet current() {
        KeySet k = keys;
        if (k != null) {
            return k;
        }
        synchronized (writeLock) {
            return currentLocked();
        }
    }

    private KeySet currentLocked() {
        if (keys != null) {
            return keys;
        }
        if (closed) {
            throw new VaultException("the vault is closed");
        }
        if (sticky != null) {
            throw sticky;
        }
        try {
            List<KeyEntry> loaded = storage.open();
            keys = KeySet.of(loaded);
            record("vault.unlock", "system", storage.file().toString(), "ok",
                    Map.of("keys", Integer.toString(loaded.size()), "created", Boolean.toString(storage.created())));
            return keys;
        } catch (VaultException e) {
            if (e.permanent()) {
                // retrying would cost a KDF per call and cannot succeed: keep failing until reconfigured
                sticky = e;
            }
            record("vault.unlock", "system", storage.file().toString(), "failed", Map.of("reason", e.getMessage()));
            throw e;
        }
    }

    /** The snapshot, after retiring versions whose overlap ended. */
    private KeySet fresh(long now) {
        KeySet k = current();
        return now >= k.nextTransition ? retireExpired(now) : k;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public List<KeyInfo> list() {
        KeySet k = fresh(clock.millis());
        return k.byAlias.values().stream().sorted(Comparator.comparing(KeyEntry::alias)).map(KeyEntry::describe)
                .toList();
    }

    @Override
    public Optional<KeyInfo> get(String alias) {
        KeyEntry entry = fresh(clock.millis()).byAlias.get(alias);
        return entry == null ? Optional.empty() : Optional.of(entry.describe());
    }

    @Override
    public MacResult mac(String alias, String algorithm, KeyEncoding encoding, byte[] message, Scope scope) {
        Objects.requireNonNull(scope, "scope");
        long now = clock.millis();
        KeySet k;
        try {
            k = fresh(now);
        } catch (VaultException e) {
            throw new KeyUnavailableException("the key vault is not available: " + e.getMessage());
        }
        KeyEntry entry = k.byAlias.get(alias);
        if (entry == null) {
            throw refused(alias, scope, "unknown key alias '" + alias + "': create or import it first");
        }
        VersionEntry v = entry.active();
        if (v == null) {
            throw refused(alias, scope, "key '" + alias + "' has no ACTIVE version (revoked or retired): rotate it to "
                    + "make a new one");
        }
        if (v.expires != null && now >= v.expires) {
            throw refused(alias, scope, "key '" + alias + "' version " + v.version + " has expired: rotate it");
        }
        if (!v.allows(scope)) {
            throw refused(alias, scope, "key '" + alias + "' is not allowed scope " + scope.label() + " (it has "
                    + labels(v) + ")");
        }
        Mac mac = v.secret.mac(alias, v.version, algorithm, encoding);
        byte[] out = mac.doFinal(message);
        if (v.secret.touch(now)) {
            lastUsedChanged = true;
        }
        return new MacResult(out, v.info);
    }

    @Override
    public Optional<KeyVersion> verify(String keyId, String algorithm, KeyEncoding encoding, byte[] message,
            byte[] presented) {
        long now = clock.millis();
        VersionEntry match = null;
        for (VersionEntry v : candidates(keyId, now)) {
            byte[] expected = v.secret.mac(v.alias, v.version, algorithm, encoding).doFinal(message);
            // every candidate is computed and compared in full: timing says nothing about which one matched
            if (MessageDigest.isEqual(expected, presented) && match == null) {
                match = v;
            }
        }
        return found(match, now);
    }

    @Override
    public Optional<KeyVersion> matchSecret(String keyId, char[] presented) {
        long now = clock.millis();
        VersionEntry match = null;
        for (VersionEntry v : candidates(keyId, now)) {
            if (v.secret.matches(presented) && match == null) {
                match = v;
            }
        }
        return found(match, now);
    }

    private List<VersionEntry> candidates(String keyId, long now) {
        KeySet k;
        try {
            k = fresh(now);
        } catch (VaultException e) {
            throw new KeyUnavailableException("the key vault is not available: " + e.getMessage());
        }
        KeyEntry entry = k.byAlias.get(keyId);
        List<VersionEntry> all = entry != null ? entry.versions() : k.byPublicId.getOrDefault(keyId, List.of());
        List<VersionEntry> verifying = new ArrayList<>(2);
        for (VersionEntry v : all) {
            if (v.verifiesAt(now)) {
                verifying.add(v);
            }
        }
        return verifying;
    }

    private Optional<KeyVersion> found(VersionEntry match, long now) {
        if (match == null) {
            return Optional.empty();
        }
        if (match.secret.touch(now)) {
            lastUsedChanged = true;
        }
        return Optional.of(match.describe());
    }

    // ---------------------------------------------------------------- changes

    @Override
    public CreatedKey create(NewKey key, String actor) {
        Objects.requireNonNull(key, "key");
        synchronized (writeLock) {
            KeySet k = currentLocked();
            String alias = key.alias();
            if (k.byAlias.containsKey(alias)) {
                throw new IllegalArgumentException("key alias '" + alias + "' exists already: rotate it, or choose "
                        + "another alias");
            }
            String publicId = key.publicId() == null || key.publicId().isBlank() ? alias : key.publicId();
            checkPublicIdFree(k, publicId, alias);
            long now = clock.millis();
            String generated = key.secret() == null ? newSecret() : null;
            SecretMaterial secret = new SecretMaterial(generated != null ? generated.getBytes(StandardCharsets.UTF_8)
                    : utf8(key.secret()), 0);
            VersionEntry v = new VersionEntry(alias, 1, KeyState.ACTIVE, key.scopes(), publicId, now, now, null, secret);
            Map<String, KeyEntry> next = new HashMap<>(k.byAlias);
            next.put(alias, new KeyEntry(alias, key.description(), List.of(v)));
            commit(next, "key.create", actor, alias, details("version", "1", "scopes", labels(v), "imported",
                    Boolean.toString(generated == null), "publicId", publicId));
            return new CreatedKey(v.describe(), generated);
        }
    }

    @Override
    public CreatedKey rotate(String alias, char[] secret, String publicId, Duration overlap, String actor) {
        Duration window = overlapOrDefault(overlap);
        synchronized (writeLock) {
            KeySet k = currentLocked();
            KeyEntry entry = existing(k, alias);
            long now = clock.millis();
            VersionEntry old = entry.active();
            String generated = secret == null ? newSecret() : null;
            VersionEntry fresh = newVersion(k, entry, secret, generated, publicId, KeyState.ACTIVE, now);
            List<VersionEntry> versions = new ArrayList<>(entry.versions());
            versions.add(fresh);
            commit(replace(k, entry, promote(versions, fresh, window, now)), "key.rotate", actor, alias,
                    details("version", Integer.toString(fresh.version), "previous",
                            old == null ? "none" : Integer.toString(old.version), "overlapSeconds",
                            Long.toString(window.toSeconds()), "imported", Boolean.toString(generated == null)));
            return new CreatedKey(fresh.describe(), generated);
        }
    }

    @Override
    public CreatedKey stage(String alias, char[] secret, String publicId, String actor) {
        synchronized (writeLock) {
            KeySet k = currentLocked();
            KeyEntry entry = existing(k, alias);
            VersionEntry pending = entry.pending();
            if (pending != null) {
                throw new IllegalStateException("key '" + alias + "' already has version " + pending.version
                        + " PENDING: activate it or revoke it first");
            }
            String generated = secret == null ? newSecret() : null;
            VersionEntry staged = newVersion(k, entry, secret, generated, publicId, KeyState.PENDING, clock.millis());
            List<VersionEntry> versions = new ArrayList<>(entry.versions());
            versions.add(staged);
            commit(replace(k, entry, versions), "key.stage", actor, alias, details("version",
                    Integer.toString(staged.version), "imported", Boolean.toString(generated == null), "publicId",
                    staged.publicId));
            return new CreatedKey(staged.describe(), generated);
        }
    }

    @Override
    public KeyInfo activate(String alias, int version, Duration overlap, String actor) {
        Duration window = overlapOrDefault(overlap);
        synchronized (writeLock) {
            KeySet k = currentLocked();
            KeyEntry entry = existing(k, alias);
            VersionEntry target = existingVersion(entry, version);
            if (target.state != KeyState.PENDING) {
                throw new IllegalStateException("version " + version + " of key '" + alias + "' is " + target.state
                        + ", not PENDING: only a staged version can be activated");
            }
            VersionEntry old = entry.active();
            long now = clock.millis();
            Map<String, KeyEntry> next = replace(k, entry, promote(entry.versions(), target, window, now));
            commit(next, "key.activate", actor, alias, details("version", Integer.toString(version), "previous",
                    old == null ? "none" : Integer.toString(old.version), "overlapSeconds",
                    Long.toString(window.toSeconds())));
            return next.get(alias).describe();
        }
    }

    private Duration overlapOrDefault(Duration overlap) {
        Duration window = overlap == null ? defaultOverlap : overlap;
        if (window.isNegative()) {
            throw new IllegalArgumentException("rotation overlap must not be negative: " + window);
        }
        return window;
    }

    private static KeyEntry existing(KeySet k, String alias) {
        KeyEntry entry = k.byAlias.get(alias);
        if (entry == null) {
            throw new NoSuchElementException("no key with alias '" + alias + "'");
        }
        return entry;
    }

    private static VersionEntry existingVersion(KeyEntry entry, int version) {
        return entry.versions().stream().filter(v -> v.version == version).findFirst()
                .orElseThrow(() -> new NoSuchElementException("key '" + entry.alias() + "' has no version " + version));
    }

    /** A new version after the key's last one, with the scopes of its ACTIVE (or latest) version. */
    private VersionEntry newVersion(KeySet k, KeyEntry entry, char[] secret, String generated, String publicId,
            KeyState state, long now) {
        VersionEntry old = entry.active();
        VersionEntry template = old != null ? old : entry.versions().get(entry.versions().size() - 1);
        String newPublicId = publicId == null || publicId.isBlank() ? template.publicId : publicId;
        checkPublicIdFree(k, newPublicId, entry.alias());
        SecretMaterial material = new SecretMaterial(generated != null ? generated.getBytes(StandardCharsets.UTF_8)
                : utf8(secret), 0);
        return new VersionEntry(entry.alias(), entry.lastVersion() + 1, state, template.scopes, newPublicId, now,
                state == KeyState.ACTIVE ? now : null, null, material);
    }

    /**
     * Makes {@code fresh} the ACTIVE version: the old ACTIVE one becomes PREVIOUS until the overlap ends (RETIRED at
     * once for a zero overlap).
     */
    private static List<VersionEntry> promote(List<VersionEntry> versions, VersionEntry fresh, Duration window,
            long now) {
        List<VersionEntry> promoted = new ArrayList<>();
        for (VersionEntry v : versions) {
            if (v == fresh) {
                promoted.add(v.state == KeyState.ACTIVE ? v : v.withState(KeyState.ACTIVE, now, null));
            } else if (v.state == KeyState.ACTIVE) {
                promoted.add(window.isZero() ? v.withState(KeyState.RETIRED, v.activated, now)
                        : v.withState(KeyState.PREVIOUS, v.activated, now + window.toMillis()));
            } else {
                promoted.add(v);
            }
        }
        return promoted;
    }

    private static Map<String, KeyEntry> replace(KeySet k, KeyEntry entry, List<VersionEntry> versions) {
        Map<String, KeyEntry> next = new HashMap<>(k.byAlias);
        next.put(entry.alias(), new KeyEntry(entry.alias(), entry.description(), versions));
        return next;
    }

    @Override
    public KeyInfo revoke(String alias, int version, String reason, String actor) {
        synchronized (writeLock) {
            KeySet k = currentLocked();
            KeyEntry entry = existing(k, alias);
            if (version != 0) {
                existingVersion(entry, version);
            }
            long now = clock.millis();
            List<VersionEntry> versions = new ArrayList<>();
            for (VersionEntry v : entry.versions()) {
                boolean hit = (version == 0 || v.version == version) && v.state != KeyState.REVOKED;
                versions.add(hit ? v.withState(KeyState.REVOKED, v.activated, now) : v);
            }
            Map<String, KeyEntry> next = replace(k, entry, versions);
            commit(next, "key.revoke", actor, alias, details("version", version == 0 ? "all" : Integer.toString(version),
                    "reason", reason == null ? "" : reason));
            return next.get(alias).describe();
        }
    }

    /** Retires PREVIOUS versions whose overlap has ended (and expired ACTIVE ones), audited as the system. */
    private KeySet retireExpired(long now) {
        synchronized (writeLock) {
            KeySet k = currentLocked();
            if (now < k.nextTransition) {
                return k;
            }
            Map<String, KeyEntry> next = new HashMap<>(k.byAlias);
            List<String> retired = new ArrayList<>();
            for (KeyEntry entry : k.byAlias.values()) {
                List<VersionEntry> versions = new ArrayList<>();
                boolean changed = false;
                for (VersionEntry v : entry.versions()) {
                    if ((v.state == KeyState.PREVIOUS || v.state == KeyState.ACTIVE) && v.expires != null
                            && now >= v.expires) {
                        versions.add(v.withState(KeyState.RETIRED, v.activated, v.expires));
                        retired.add(entry.alias() + " v" + v.version);
                        changed = true;
                    } else {
                        versions.add(v);
                    }
                }
                if (changed) {
                    next.put(entry.alias(), new KeyEntry(entry.alias(), entry.description(), versions));
                }
            }
            try {
                commit(next, "key.retire", "system", String.join(",", retired), details("reason", "overlap ended"));
            } catch (VaultException e) {
                // the versions stop verifying anyway (their expiry is recorded); publish and retry on the next change
                logger.warn("could not record the retirement of {}: {}", retired, e.getMessage());
                keys = KeySet.of(next.values());
            }
            return keys;
        }
    }

    private void commit(Map<String, KeyEntry> next, String action, String actor, String subject,
            Map<String, String> details) {
        try {
            storage.save(next.values());
        } catch (VaultException e) {
            record(action, actor, subject, "failed", details);
            throw e;
        }
        keys = KeySet.of(next.values());
        lastUsedChanged = false;
        record(action, actor, subject, "ok", details);
        logger.info("{} {} by {}", action, subject, actor);
    }

    private KeyUnavailableException refused(String alias, Scope scope, String reason) {
        record("key.use", "signer", alias, "refused", details("scope", scope.label(), "reason", reason));
        return new KeyUnavailableException(reason);
    }

    private void record(String action, String actor, String subject, String outcome, Map<String, String> details) {
        try {
            audit.append(new AuditEvent(action, actor, subject, outcome, details));
        } catch (RuntimeException e) {
            logger.error("could not write the audit record {} {} {}: {}", action, subject, outcome, e.getMessage());
        }
    }

    private void checkPublicIdFree(KeySet k, String publicId, String alias) {
        KeyEntry other = k.byAlias.get(publicId);
        boolean clash = (other != null && !other.alias().equals(alias))
                || k.byPublicId.getOrDefault(publicId, List.of()).stream().anyMatch(v -> !v.alias.equals(alias));
        if (clash) {
            throw new IllegalArgumentException("public id '" + publicId + "' already names another key");
        }
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] utf8(char[] chars) {
        java.nio.ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static String labels(VersionEntry v) {
        return String.join(",", v.scopes.stream().sorted().map(Scope::label).toList());
    }

    private static Map<String, String> details(String... pairs) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Persists last-used times if they changed since the last write (they are kept in memory between writes). */
    void flushLastUsed() {
        synchronized (writeLock) {
            if (keys != null && lastUsedChanged) {
                storage.save(keys.byAlias.values());
                lastUsedChanged = false;
            }
        }
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            try {
                flushLastUsed();
            } catch (VaultException e) {
                logger.warn("last-used times not saved: {}", e.getMessage());
            }
            closed = true;
            keys = null;
            storage.close();
        }
    }
}
