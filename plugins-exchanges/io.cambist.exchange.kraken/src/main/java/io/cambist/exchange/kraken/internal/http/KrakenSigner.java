package io.cambist.exchange.kraken.internal.http;

import java.time.Duration;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.security.KeyUnavailableException;
import io.cambist.api.security.NonceGenerator;
import io.cambist.api.security.Scope;
import io.cambist.api.security.Signature;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.Signer;
import io.cambist.exchange.kraken.internal.KrakenConstants;

/**
 * Nonces and signatures for Kraken private calls, through the security services: the {@link NonceGenerator} hands out
 * a nonce per key alias that only ever grows, across restarts; the vault's {@link Signer} computes
 * {@code HMAC-SHA512(base64decode(secret), uriPath || SHA256(nonce || postData))} with the {@code kraken} scheme.
 * The connector never sees the secret: it sends the signature as {@code API-Sign} and the signing version's public id
 * as {@code API-Key}, so key and signature always match during a rotation.
 */
public final class KrakenSigner {

    private final String account;
    private final String keyAlias;
    private final ServiceHolder<Signer> signers;
    private final ServiceHolder<NonceGenerator> nonces;
    private final Duration wait;

    public KrakenSigner(String account, String keyAlias, ServiceHolder<Signer> signers,
            ServiceHolder<NonceGenerator> nonces, Duration wait) {
        this.account = account;
        this.keyAlias = keyAlias;
        this.signers = signers;
        this.nonces = nonces;
        this.wait = wait;
    }

    /**
     * A fresh nonce for the account's key, taken right before the request is sent.
     *
     * @throws AuthenticationException      when no key alias is configured
     * @throws ExchangeUnavailableException when no nonce generator service is available
     */
    public long nonce() {
        requireKey();
        NonceGenerator generator = nonces.await(wait);
        if (generator == null) {
            throw new ExchangeUnavailableException("no NonceGenerator service appeared within " + wait.toMillis()
                    + " ms for kraken account " + account + ": is io.cambist.security.nonce running?", (String) null);
        }
        return generator.next(keyAlias);
    }

    /**
     * Signs the exact body that will be posted to {@code path}.
     *
     * @param path  the URI path starting with {@code /0/private}
     * @param nonce the nonce, also the first parameter of {@code body}
     * @param body  the form-encoded body
     * @throws AuthenticationException      when no key alias is configured or the key cannot sign
     * @throws ExchangeUnavailableException when no signer service or no {@code kraken} scheme is available
     */
    public Signature sign(String path, String nonce, byte[] body) {
        requireKey();
        Signer signer = signers.await(wait);
        if (signer == null) {
            throw new ExchangeUnavailableException("no Signer service appeared within " + wait.toMillis()
                    + " ms for kraken account " + account + ": is the vault bundle running?", (String) null);
        }
        Signature signature;
        try {
            signature = signer.sign(keyAlias, KrakenConstants.SCHEME,
                    new SignatureInput("POST", path, "", body, nonce, null), Scope.TRADE);
        } catch (KeyUnavailableException e) {
            throw new AuthenticationException("key '" + keyAlias + "' of kraken account " + account + " cannot sign: "
                    + e.getMessage(), null);
        } catch (IllegalArgumentException e) {
            throw new ExchangeUnavailableException("the '" + KrakenConstants.SCHEME + "' signature scheme is not "
                    + "available (is io.cambist.security.hmac running?): " + e.getMessage(), (String) null);
        }
        if (signature.publicId() == null || signature.publicId().isBlank()) {
            throw new AuthenticationException("key '" + keyAlias + "' has no public id: store the Kraken API key as "
                    + "the key's public id in the vault", null);
        }
        return signature;
    }

    private void requireKey() {
        if (keyAlias.isEmpty()) {
            throw new AuthenticationException("kraken account " + account + " has no keyAlias: set it to the vault "
                    + "alias of its Kraken API key to use balances, orders and the executions channel", null);
        }
    }
}
