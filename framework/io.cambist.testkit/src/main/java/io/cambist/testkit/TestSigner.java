package io.cambist.testkit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cambist.api.security.KeyUnavailableException;
import io.cambist.api.security.Scope;
import io.cambist.api.security.Signature;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.SignatureScheme;
import io.cambist.api.security.Signer;

/**
 * A deterministic {@link Signer} for connector tests: keys are test secrets held in memory, schemes are registered
 * {@link SignatureScheme}s (see {@link TestSchemes}). Records every call so a test can check the alias, scheme and
 * scope a connector asked for, and can revoke a key to provoke {@link KeyUnavailableException}.
 * Connectors never see the secrets; the test and the fake venue do.
 */
public final class TestSigner implements Signer {

    /** One recorded call. */
    public record Call(String keyAlias, String scheme, Scope scope, SignatureInput input) {
    }

    private record Key(String secret, String publicId) {
    }

    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Map<String, SignatureScheme> schemes = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** A signer with the {@code binance} and {@code kraken} test schemes and no keys. */
    public TestSigner() {
        scheme(TestSchemes.binance());
        scheme(TestSchemes.kraken());
    }

    /** Adds (or replaces) a key. */
    public TestSigner key(String alias, String publicId, String secret) {
        keys.put(alias, new Key(secret, publicId));
        revoked.remove(alias);
        return this;
    }

    /** Registers (or replaces) a scheme under its name. */
    public TestSigner scheme(SignatureScheme scheme) {
        schemes.put(scheme.name(), scheme);
        return this;
    }

    /** Makes every later signature with this alias fail with {@link KeyUnavailableException}. */
    public void revoke(String alias) {
        revoked.add(alias);
    }

    /** Every call so far. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public Signature sign(String keyAlias, String scheme, SignatureInput input, Scope scope) {
        calls.add(new Call(keyAlias, scheme, scope, input));
        SignatureScheme s = schemes.get(scheme);
        if (s == null) {
            throw new IllegalArgumentException("no signature scheme '" + scheme + "' is registered in the test signer");
        }
        Key key = keys.get(keyAlias);
        if (key == null) {
            throw new KeyUnavailableException("no key '" + keyAlias + "' in the test signer");
        }
        if (revoked.contains(keyAlias)) {
            throw new KeyUnavailableException("key '" + keyAlias + "' is revoked");
        }
        byte[] mac = Hmac.mac(s.algorithm(), s.keyEncoding(), key.secret(), s.message(input));
        return new Signature(s.encode(mac), key.publicId(), 1, scheme);
    }
}
