package io.cambist.security.hmac.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.security.AuditEvent;
import io.cambist.api.security.AuditLog;
import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.KeyInfo;
import io.cambist.api.security.KeyRing;
import io.cambist.api.security.KeyState;
import io.cambist.api.security.KeyVersion;
import io.cambist.api.security.NonceResult;
import io.cambist.api.security.NonceStore;
import io.cambist.api.security.RequestVerifier;
import io.cambist.api.security.Scope;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.SignedRequest;
import io.cambist.api.security.Verification;

/**
 * Verifies signed admin API requests ({@link CambistScheme}), cheapest checks first: headers present and well formed,
 * timestamp inside the window, key known and not revoked, signature valid for an ACTIVE or PREVIOUS version (the key
 * ring compares in constant time), then the nonce claimed in the nonce store (only now, so unsigned junk cannot fill
 * it), then the scope (403). Every refusal is audited with its reason, never with the signature or a secret. The key
 * ring, nonce store and audit log are dynamic references: during an update of their bundle, requests wait for the
 * replacement (bounded), then fail with 503.
 */
@Component(service = RequestVerifier.class, configurationPid = HmacConstants.PID)
@Designate(ocd = HmacConfiguration.class)
public final class CambistRequestVerifier implements RequestVerifier {

    private final Logger logger = LoggerFactory.getLogger(CambistRequestVerifier.class);

    private final ServiceSlot<KeyRing> keyRing = new ServiceSlot<>("the key ring (bundle io.cambist.security.vault)");
    private final ServiceSlot<NonceStore> nonces = new ServiceSlot<>("the nonce store (bundle io.cambist.security.nonce)");
    private final ServiceSlot<AuditLog> audit = new ServiceSlot<>("the audit log (bundle io.cambist.security.vault)");
    private final CambistScheme scheme = new CambistScheme();
    private final LongSupplier clock;
    private volatile long windowMillis = 30_000;
    private volatile long waitMillis = 5000;

    public CambistRequestVerifier() {
        this(System::currentTimeMillis);
    }

    CambistRequestVerifier(LongSupplier clock) {
        this.clock = clock;
    }

    @Activate
    @Modified
    void configure(HmacConfiguration config) {
        if (config.windowSeconds() < 1) {
            throw new IllegalArgumentException("windowSeconds must be at least 1, not " + config.windowSeconds());
        }
        windowMillis = config.windowSeconds() * 1000;
        waitMillis = Math.max(0, config.waitTimeoutMillis());
    }

    /** Sets the window and the service wait (tests and hand wiring). */
    public void setLimits(long windowMillis, long waitMillis) {
        this.windowMillis = windowMillis;
        this.waitMillis = waitMillis;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindKeyRing(KeyRing ring) {
        keyRing.bind(ring);
    }

    public void unbindKeyRing(KeyRing ring) {
        keyRing.unbind(ring);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindNonceStore(NonceStore store) {
        nonces.bind(store);
    }

    public void unbindNonceStore(NonceStore store) {
        nonces.unbind(store);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindAuditLog(AuditLog log) {
        audit.bind(log);
    }

    public void unbindAuditLog(AuditLog log) {
        audit.unbind(log);
    }

    @Override
    public Verification verify(SignedRequest request, Scope required) {
        String keyId = request.header(SignedRequest.KEY);
        try {
            return check(request, required, keyId);
        } catch (Refusal r) {
            return refuse(request, keyId, r.status, r.reason);
        } catch (ServiceSlot.Unavailable e) {
            logger.warn("refused {} {}: {}", request.method(), pathOf(request), e.getMessage());
            return refuse(request, keyId, 503, "security service unavailable");
        }
    }

    private Verification check(SignedRequest request, Scope required, String keyId) {
        String timestamp = request.header(SignedRequest.TIMESTAMP);
        String nonce = request.header(SignedRequest.NONCE);
        String signature = request.header(SignedRequest.SIGNATURE);
        for (String name : new String[] {SignedRequest.KEY, SignedRequest.TIMESTAMP, SignedRequest.NONCE,
            SignedRequest.SIGNATURE}) {
            String value = request.header(name);
            if (value == null || value.isEmpty()) {
                throw new Refusal(401, "missing header " + name);
            }
        }
        if (keyId.length() > 128 || !printable(keyId)) {
            throw new Refusal(401, "malformed header " + SignedRequest.KEY + ": a key id of at most 128 visible "
                    + "characters expected");
        }
        if (timestamp.length() > 18 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Refusal(401, "malformed header " + SignedRequest.TIMESTAMP + ": Unix epoch milliseconds expected");
        }
        if (!validNonce(nonce)) {
            throw new Refusal(401, "malformed header " + SignedRequest.NONCE + ": 16 to 64 characters of A-Z, a-z, 0-9, "
                    + "_ and - expected");
        }
        byte[] presented = signature.length() == 64 ? scheme.decode(signature) : null;
        if (presented == null) {
            throw new Refusal(401, "malformed header " + SignedRequest.SIGNATURE + ": 64 hex characters expected");
        }
        long ts = Long.parseLong(timestamp);
        if (Math.abs(clock.getAsLong() - ts) > windowMillis) {
            throw new Refusal(401, "timestamp outside window");
        }
        long wait = waitMillis;
        KeyInfo key = keyRing.call(wait, ring -> find(ring, keyId));
        if (key == null) {
            throw new Refusal(401, "unknown key");
        }
        if (key.versions().stream().noneMatch(v -> v.state().verifies())) {
            throw new Refusal(401, key.versions().stream().anyMatch(v -> v.state() == KeyState.REVOKED) ? "key revoked"
                    : "key not active");
        }
        byte[] message = scheme.message(new SignatureInput(request.method(), request.pathAndQuery(), "", request.body(),
                nonce, timestamp));
        Optional<KeyVersion> matched = keyRing.call(wait,
                ring -> ring.verify(keyId, scheme.algorithm(), KeyEncoding.UTF8, message, presented));
        if (matched.isEmpty()) {
            throw new Refusal(401, "signature mismatch");
        }
        KeyVersion version = matched.get();
        NonceResult claim = nonces.call(wait, store -> store.claim(version.alias(), nonce, ts));
        switch (claim) {
            case ACCEPTED -> {
                // fresh
            }
            case REPLAYED -> throw new Refusal(401, "nonce already used");
            default -> throw new Refusal(401, "timestamp outside window");
        }
        if (!version.scopes().contains(required)) {
            throw new Refusal(403, "key lacks scope " + required.label());
        }
        return new Verification.Verified(version.alias(), version.version(), version.scopes());
    }

    /** The key by alias, else by a version's public id. */
    private static KeyInfo find(KeyRing ring, String keyId) {
        Optional<KeyInfo> byAlias = ring.get(keyId);
        if (byAlias.isPresent()) {
            return byAlias.get();
        }
        for (KeyInfo k : ring.list()) {
            if (k.versions().stream().anyMatch(v -> keyId.equals(v.publicId()))) {
                return k;
            }
        }
        return null;
    }

    private Verification refuse(SignedRequest request, String keyId, int status, String reason) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("reason", reason);
        details.put("status", Integer.toString(status));
        details.put("method", request.method().length() > 16 ? request.method().substring(0, 16) : request.method());
        if (request.remoteAddress() != null) {
            details.put("remote", request.remoteAddress());
        }
        AuditEvent event = new AuditEvent("request.refused", safeKeyId(keyId), pathOf(request), "refused", details);
        try {
            audit.call(status == 503 ? 0 : waitMillis, log -> log.append(event));
        } catch (RuntimeException e) {
            logger.warn("could not audit a refused request ({}): {}", reason, e.getMessage());
        }
        return new Verification.Refused(status, reason);
    }

    private static String pathOf(SignedRequest request) {
        String p = request.pathAndQuery();
        int q = p.indexOf('?');
        String path = q < 0 ? p : p.substring(0, q);
        return path.length() > 200 ? path.substring(0, 200) : path;
    }

    /** The key id as far as it is a plausible alias; anything else is recorded as "?". */
    private static String safeKeyId(String keyId) {
        if (keyId == null || keyId.isEmpty() || keyId.length() > 64) {
            return "?";
        }
        for (int i = 0; i < keyId.length(); i++) {
            char c = keyId.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_' && c != '-' && c != '.') {
                return "?";
            }
        }
        return keyId;
    }

    private static boolean printable(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    static boolean validNonce(String nonce) {
        if (nonce.length() < 16 || nonce.length() > 64) {
            return false;
        }
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A refusal with its HTTP status. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String reason;

        Refusal(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
            this.reason = reason;
        }
    }
}
