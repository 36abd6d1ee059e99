package io.cambist.strategy.signal.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

import io.cambist.api.order.OrderService;
import io.cambist.api.security.AuditEvent;
import io.cambist.api.security.AuditLog;
import io.cambist.api.security.AuditRecord;
import io.cambist.api.security.AuditVerification;
import io.cambist.api.security.CreatedKey;
import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.KeyInfo;
import io.cambist.api.security.KeyRing;
import io.cambist.api.security.KeyState;
import io.cambist.api.security.KeyVersion;
import io.cambist.api.security.MacResult;
import io.cambist.api.security.NewKey;
import io.cambist.api.security.NonceResult;
import io.cambist.api.security.NonceStore;
import io.cambist.api.security.NonceStoreStats;
import io.cambist.api.security.RequestVerifier;
import io.cambist.api.security.Scope;
import io.cambist.api.security.SignedRequest;
import io.cambist.api.security.Verification;
import io.cambist.api.strategy.StrategyRunner;

/** Small fakes of the security services, with the semantics the webhook relies on. */
final class Fakes {

    private Fakes() {
    }

    /** Keys with one secret each; secrets compared in constant time. */
    static final class Keys implements KeyRing {
        final Map<String, String> secrets = new HashMap<>();
        final Map<String, Set<Scope>> scopes = new HashMap<>();
        int matches;

        Keys add(String alias, String secret, Scope... s) {
            secrets.put(alias, secret);
            scopes.put(alias, Set.of(s));
            return this;
        }

        @Override
        public Optional<KeyVersion> matchSecret(String keyId, char[] presented) {
            matches++;
            String s = secrets.get(keyId);
            if (s == null || !MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8),
                    new String(presented).getBytes(StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            return Optional.of(new KeyVersion(keyId, 1, KeyState.ACTIVE, scopes.get(keyId), keyId, Instant.EPOCH,
                    Instant.EPOCH, null, null));
        }

        @Override
        public List<KeyInfo> list() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<KeyInfo> get(String alias) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CreatedKey create(NewKey key, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CreatedKey rotate(String alias, char[] secret, String publicId, Duration overlap, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CreatedKey stage(String alias, char[] secret, String publicId, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public KeyInfo activate(String alias, int version, Duration overlap, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public KeyInfo revoke(String alias, int version, String reason, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MacResult mac(String alias, String algorithm, KeyEncoding encoding, byte[] message, Scope scope) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<KeyVersion> verify(String keyId, String algorithm, KeyEncoding encoding, byte[] message, byte[] mac) {
            throw new UnsupportedOperationException();
        }
    }

    /** Accepts requests whose signature header is "good" for its key; records what it was asked. */
    static final class Verifier implements RequestVerifier {
        final List<SignedRequest> seen = new ArrayList<>();
        final List<Scope> scopes = new ArrayList<>();

        @Override
        public Verification verify(SignedRequest request, Scope required) {
            seen.add(request);
            scopes.add(required);
            if (!"good".equals(request.header(SignedRequest.SIGNATURE))) {
                return new Verification.Refused(401, "signature mismatch");
            }
            return new Verification.Verified(request.header(SignedRequest.KEY), 1, Set.of(Scope.WEBHOOK));
        }
    }

    /** Each (key, nonce) once inside a window around the clock. */
    static final class Nonces implements NonceStore {
        final Set<String> claimed = new HashSet<>();
        final LongSupplier clock;
        final long window;

        Nonces(LongSupplier clock, long window) {
            this.clock = clock;
            this.window = window;
        }

        @Override
        public synchronized NonceResult claim(String keyId, String nonce, long timestampMillis) {
            long now = clock.getAsLong();
            if (timestampMillis < now - window) {
                return NonceResult.STALE;
            }
            if (timestampMillis > now + window) {
                return NonceResult.FUTURE;
            }
            return claimed.add(keyId + "\n" + nonce) ? NonceResult.ACCEPTED : NonceResult.REPLAYED;
        }

        @Override
        public long windowMillis() {
            return window;
        }

        @Override
        public NonceStoreStats stats() {
            throw new UnsupportedOperationException();
        }
    }

    /** Keeps the events in memory. */
    static final class Audit implements AuditLog {
        final List<AuditEvent> events = new ArrayList<>();

        @Override
        public synchronized AuditRecord append(AuditEvent event) {
            events.add(event);
            return null;
        }

        @Override
        public List<AuditRecord> read(long fromSequence, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long lastSequence() {
            return events.size();
        }

        @Override
        public AuditVerification verify() {
            throw new UnsupportedOperationException();
        }
    }

    /** The services, any of which may be left {@code null}. */
    record Services(StrategyRunner runner, OrderService orders, KeyRing keyRing, RequestVerifier verifier,
            NonceStore nonces, AuditLog audit) implements WebhookServices {
    }
}
