package io.cambist.exchange.binance.internal.http;

import java.time.Duration;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.security.Signature;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.Signer;
import io.cambist.connector.ServiceHolder;
import io.cambist.connector.http.AliasSigner;
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
    private final AliasSigner signer;

    public BinanceSigner(String account, String keyAlias, ServiceHolder<Signer> signers, Duration wait) {
        this.account = account;
        this.keyAlias = keyAlias;
        this.signer = new AliasSigner(signers, "account " + account, keyAlias, BinanceConstants.SCHEME,
                "Binance API key", wait);
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
        return signer.sign(new SignatureInput(method, path, query, body, null, timestamp));
    }

    /** True when a key alias is configured. */
    public boolean configured() {
        return !keyAlias.isEmpty();
    }
}
