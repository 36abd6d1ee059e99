package io.cambist.security.hmac.internal;

import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Component;

import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.SignatureScheme;

/**
 * Binance spot (HMAC keys): lowercase hex HMAC-SHA256, keyed with the secret's UTF-8 bytes, of the query string
 * followed directly by the body (no separator), as in the exchange's "SIGNED endpoint" examples.
 */
@Component(property = SignatureScheme.SCHEME + "=" + BinanceScheme.NAME)
public final class BinanceScheme implements SignatureScheme {

    static final String NAME = "binance";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String algorithm() {
        return "HmacSHA256";
    }

    @Override
    public KeyEncoding keyEncoding() {
        return KeyEncoding.UTF8;
    }

    @Override
    public byte[] message(SignatureInput input) {
        byte[] query = input.query().getBytes(StandardCharsets.UTF_8);
        byte[] body = input.body();
        if (body.length == 0) {
            return query;
        }
        byte[] out = new byte[query.length + body.length];
        System.arraycopy(query, 0, out, 0, query.length);
        System.arraycopy(body, 0, out, query.length, body.length);
        return out;
    }

    @Override
    public String encode(byte[] mac) {
        return Codecs.hex(mac);
    }

    @Override
    public byte[] decode(String signature) {
        // Binance treats HMAC signatures as case-insensitive
        return Codecs.unhex(signature);
    }
}
