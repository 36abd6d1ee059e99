package io.cambist.security.hmac.internal;

import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Component;

import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.SignatureScheme;

/**
 * Coinbase Exchange ({@code CB-ACCESS-SIGN}): base64 HMAC-SHA256, keyed with the base64-decoded secret, of
 * {@code timestamp + method + requestPath + body}. The request path is the input's path with its {@code ?query}
 * when it has one; pass no query for the Coinbase APIs that sign the path alone.
 */
@Component(property = SignatureScheme.SCHEME + "=" + CoinbaseScheme.NAME)
public final class CoinbaseScheme implements SignatureScheme {

    static final String NAME = "coinbase";

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
        return KeyEncoding.BASE64;
    }

    @Override
    public byte[] message(SignatureInput input) {
        if (input.timestamp() == null) {
            throw new IllegalArgumentException("the coinbase scheme signs the timestamp: pass one");
        }
        byte[] head = (input.timestamp() + input.method() + input.pathAndQuery()).getBytes(StandardCharsets.UTF_8);
        byte[] body = input.body();
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    @Override
    public String encode(byte[] mac) {
        return Codecs.base64(mac);
    }

    @Override
    public byte[] decode(String signature) {
        return Codecs.unbase64(signature);
    }
}
