package io.cambist.exchange.kraken.internal.http;

import java.time.Duration;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.security.NonceGenerator;
import io.cambist.api.security.Signature;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.Signer;
import io.cambist.connector.ServiceHolder;
import io.cambist.connector.http.AliasSigner;
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
    private final AliasSigner signer;
    private final ServiceHolder<NonceGenerator> nonces;
    private final Duration wait;

    public KrakenSigner(String account, String keyAlias, ServiceHolder<Signer> signers,
            ServiceHolder<NonceGenerator> nonces, Duration wait) {
        this.account = account;
        this.keyAlias = keyAlias;
        this.signer = new AliasSigner(signers, "kraken account " + account, keyAlias, KrakenConstants.SCHEME,
                "Kraken API key", wait);
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
        return signer.sign(new SignatureInput("POST", path, "", body, nonce, null));
    }

    private void requireKey() {
        if (keyAlias.isEmpty()) {
            throw new AuthenticationException("kraken account " + account + " has no keyAlias: set it to the vault "
                    + "alias of its Kraken API key to use balances, orders and the executions channel", null);
        }
    }
}
