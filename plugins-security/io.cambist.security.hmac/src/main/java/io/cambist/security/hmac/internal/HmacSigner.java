package io.cambist.security.hmac.internal;

import java.util.Map;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.cambist.api.security.KeyRing;
import io.cambist.api.security.KeyUnavailableException;
import io.cambist.api.security.MacResult;
import io.cambist.api.security.Signature;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.SignatureScheme;
import io.cambist.api.security.Signer;

/**
 * The {@link Signer}: the named scheme builds the message, the key ring computes the MAC with the key's ACTIVE
 * version (the secret never leaves the vault), the scheme encodes it. Its key ring and schemes are dynamic
 * references: while one is being updated, signing waits for the replacement (bounded) rather than failing. The bind
 * methods are public so the signer can also be wired by hand (benchmarks, embedding without SCR).
 */
@Component(service = Signer.class, configurationPid = HmacConstants.PID)
public final class HmacSigner implements Signer {

    private final ServiceSlot<KeyRing> keyRing = new ServiceSlot<>("the key ring (bundle io.cambist.security.vault)");
    private final SchemeRegistry schemes = new SchemeRegistry();
    private volatile long waitMillis = 5000;

    @Activate
    @Modified
    void configure(HmacConfiguration config) {
        waitMillis = Math.max(0, config.waitTimeoutMillis());
    }

    /**
     * The bundle is stopping (or being updated): its schemes and key ring reference go away for good, so callers
     * waiting in this instance are woken with {@link SignerStoppedException} to retry on the replacement service
     * instead of waiting out their timeout.
     */
    @Deactivate
    public void deactivate() {
        schemes.close();
        keyRing.close();
    }

    /** Sets how long to wait for a missing key ring or scheme (tests and hand wiring). */
    public void setWaitMillis(long millis) {
        waitMillis = millis;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindKeyRing(KeyRing ring) {
        keyRing.bind(ring);
    }

    public void unbindKeyRing(KeyRing ring) {
        keyRing.unbind(ring);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindScheme(SignatureScheme scheme, Map<String, Object> properties) {
        schemes.add(scheme, properties);
    }

    public void unbindScheme(SignatureScheme scheme) {
        schemes.remove(scheme);
    }

    @Override
    public Signature sign(String keyAlias, String scheme, SignatureInput input,
            io.cambist.api.security.Scope scope) {
        Objects.requireNonNull(keyAlias, "keyAlias");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(scope, "scope");
        long wait = waitMillis;
        SignatureScheme s = schemes.get(scheme, wait);
        byte[] message = s.message(input);
        MacResult result = null;
        KeyRing ring = keyRing.current();
        if (ring != null) {
            // the hot path, without a lambda: one call on the current key ring
            try {
                result = ring.mac(keyAlias, s.algorithm(), s.keyEncoding(), message, scope);
            } catch (RuntimeException e) {
                if (keyRing.current() == ring) {
                    throw e;
                }
            }
        }
        if (result == null) {
            try {
                result = keyRing.call(wait, r -> r.mac(keyAlias, s.algorithm(), s.keyEncoding(), message, scope));
            } catch (ServiceSlot.Unavailable e) {
                throw new KeyUnavailableException("cannot sign with key '" + keyAlias + "': " + e.getMessage());
            }
        }
        return new Signature(s.encode(result.mac()), result.version().publicId(), result.version().version(), s.name());
    }
}
