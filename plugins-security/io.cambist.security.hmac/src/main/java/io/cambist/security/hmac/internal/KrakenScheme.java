package io.cambist.security.hmac.internal;

import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Component;

import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.SignatureScheme;

/**
 * Kraken spot REST ({@code API-Sign}): base64 HMAC-SHA512, keyed with the base64-decoded secret, of the URI path
 * bytes followed by SHA-256(nonce + POST data). The nonce appears twice: here and inside the POST data.
 */
@Component(property = SignatureScheme.SCHEME + "=" + KrakenScheme.NAME)
public final class KrakenScheme implements SignatureScheme {

    static final String NAME = "kraken";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String algorithm() {
        return "HmacSHA512";
    }

    @Override
    public KeyEncoding keyEncoding() {
        return KeyEncoding.BASE64;
    }

    @Override
    public byte[] message(SignatureInput input) {
        if (input.nonce() == null) {
            throw new IllegalArgumentException("the kraken scheme signs the nonce: pass one");
        }
        byte[] path = input.path().getBytes(StandardCharsets.UTF_8);
        byte[] digest = Sha256.of(input.nonce().getBytes(StandardCharsets.UTF_8), input.body());
        byte[] out = new byte[path.length + digest.length];
        System.arraycopy(path, 0, out, 0, path.length);
        System.arraycopy(digest, 0, out, path.length, digest.length);
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
