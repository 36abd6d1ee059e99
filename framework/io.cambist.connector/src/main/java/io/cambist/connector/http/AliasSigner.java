package io.cambist.connector.http;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.security.KeyUnavailableException;
import io.cambist.api.security.Scope;
import io.cambist.api.security.Signature;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.Signer;
import io.cambist.connector.ServiceHolder;

/**
 * Signs with one account's key alias through the vault's {@link Signer} service, so the connector never sees the
 * secret: waits (bounded) for the service while the security bundles are updated, asks for scope {@code trade}, and
 * turns the vault's refusals into the API's exceptions with a message that says what to fix. The returned signature
 * carries the signing key version's public id (the venue's API key), so key and signature always match during a
 * rotation.
 */
public final class AliasSigner {

    private static final long RETRY_PAUSE_NANOS = 10_000_000L;

    private final ServiceHolder<Signer> signers;
    private final String owner;
    private final String keyAlias;
    private final String scheme;
    private final String apiKey;
    private final Duration wait;

    /**
     * @param owner    who signs, for messages, e.g. {@code account binance-main}
     * @param keyAlias the vault alias of the account's key (not empty)
     * @param scheme   the signature scheme the vault applies, e.g. {@code binance}
     * @param apiKey   what the key's public id must hold, for messages, e.g. {@code Binance API key}
     * @param wait     how long to wait for a {@code Signer} service
     */
    public AliasSigner(ServiceHolder<Signer> signers, String owner, String keyAlias, String scheme, String apiKey,
            Duration wait) {
        this.signers = signers;
        this.owner = owner;
        this.keyAlias = keyAlias;
        this.scheme = scheme;
        this.apiKey = apiKey;
        this.wait = wait;
    }

    /**
     * Signs the exact request that will be sent.
     *
     * @throws AuthenticationException      when the key cannot sign or has no public id
     * @throws ExchangeUnavailableException when no signer service came within the wait or the scheme is missing
     */
    public Signature sign(SignatureInput input) {
        long deadline = System.nanoTime() + wait.toNanos();
        Signature signature = null;
        while (signature == null) {
            Signer signer = signers.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (signer == null) {
                throw new ExchangeUnavailableException("no Signer service appeared within " + wait.toMillis()
                        + " ms for " + owner + ": is the vault bundle running?", (String) null);
            }
            signature = signWith(signer, input, deadline);
        }
        if (signature.publicId() == null || signature.publicId().isBlank()) {
            throw new AuthenticationException("key '" + keyAlias + "' has no public id: store the " + apiKey
                    + " as the key's public id in the vault", null);
        }
        return signature;
    }

    /** One attempt; null when that signer was stopped meanwhile (its bundle updated) and time is left to retry. */
    private Signature signWith(Signer signer, SignatureInput input, long deadline) {
        try {
            return signer.sign(keyAlias, scheme, input, Scope.TRADE);
        } catch (KeyUnavailableException e) {
            throw new AuthenticationException("key '" + keyAlias + "' of " + owner + " cannot sign: "
                    + e.getMessage(), null);
        } catch (IllegalArgumentException e) {
            throw new ExchangeUnavailableException("the '" + scheme + "' signature scheme is not "
                    + "available (is io.cambist.security.hmac running?): " + e.getMessage(), (String) null);
        } catch (IllegalStateException stopped) {
            if (System.nanoTime() >= deadline) {
                throw new ExchangeUnavailableException("no working Signer service within " + wait.toMillis() + " ms for "
                        + owner + ": " + stopped.getMessage(), (String) null);
            }
            // the replacement registers within milliseconds of the old one stopping
            LockSupport.parkNanos(RETRY_PAUSE_NANOS);
            return null;
        }
    }
}
