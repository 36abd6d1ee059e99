package io.cambist.exchange.binance.internal.http;

import java.time.Duration;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.security.KeyUnavailableException;
import io.cambist.api.security.Scope;
import io.cambist.api.security.Signature;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.Signer;
import io.cambist.exchange.binance.internal.BinanceConstants;

/**
 * Signs Binance requests through the vault's {@link Signer} with the account's key alias and the {@code binance}
 * scheme (HMAC-SHA256 over the query string and body). The connector never sees the secret; it sends the returned
 * signature as the {@code signature} parameter and the signing version's public id as {@code X-MBX-APIKEY}, so key
 * and signature always match during a rotation.
 */
public final class BinanceSigner {

    private final String account;
    private final String keyAlias;
    private final SignerHolder signers;
    private final Duration wait;

    public BinanceSigner(String account, String keyAlias, SignerHolder signers, Duration wait) {
        this.account = account;
        this.keyAlias = keyAlias;
        this.signers = signers;
        this.wait = wait;
    }

    /**
     * Signs the exact query string and body that will be sent.
     *
     * @throws AuthenticationException      when no key alias is configured or the key cannot sign
     * @throws ExchangeUnavailableException when no signer service or no {@code binance} scheme is available
     */
    public Signature sign(String method, String path, String query, byte[] body, String timestamp) {
        if (keyAlias.isEmpty()) {
            throw new AuthenticationException("account " + account + " has no keyAlias: set it to the vault alias of "
                    + "its Binance API key to use balances, orders and the user data stream", null);
        }
        Signer signer = signers.await(wait);
        if (signer == null) {
            throw new ExchangeUnavailableException("no Signer service appeared within " + wait.toMillis()
                    + " ms for account " + account + ": is the vault bundle running?", (String) null);
        }
        Signature signature;
        try {
            signature = signer.sign(keyAlias, BinanceConstants.SCHEME,
                    new SignatureInput(method, path, query, body, null, timestamp), Scope.TRADE);
        } catch (KeyUnavailableException e) {
            throw new AuthenticationException("key '" + keyAlias + "' of account " + account + " cannot sign: "
                    + e.getMessage(), null);
        } catch (IllegalArgumentException e) {
            throw new ExchangeUnavailableException("the '" + BinanceConstants.SCHEME + "' signature scheme is not "
                    + "available (is io.cambist.security.hmac running?): " + e.getMessage(), (String) null);
        }
        if (signature.publicId() == null || signature.publicId().isBlank()) {
            throw new AuthenticationException("key '" + keyAlias + "' has no public id: store the Binance API key as "
                    + "the key's public id in the vault", null);
        }
        return signature;
    }

    /** True when a key alias is configured. */
    public boolean configured() {
        return !keyAlias.isEmpty();
    }
}
