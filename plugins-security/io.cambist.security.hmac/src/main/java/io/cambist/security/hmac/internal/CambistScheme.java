package io.cambist.security.hmac.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;

import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.SignatureScheme;

/**
 * Cambist's own admin API: lowercase hex HMAC-SHA256, keyed with the secret's UTF-8 bytes, of
 * {@code METHOD \n PATH_AND_QUERY \n TIMESTAMP \n NONCE \n lowercase_hex(SHA-256(body))} (an empty body is hashed
 * as empty).
 */
@Component(property = SignatureScheme.SCHEME + "=" + CambistScheme.NAME)
public final class CambistScheme implements SignatureScheme {

    static final String NAME = "cambist";

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
        if (input.timestamp() == null || input.nonce() == null) {
            throw new IllegalArgumentException("the cambist scheme signs a timestamp and a nonce: pass both");
        }
        String text = input.method().toUpperCase(Locale.ROOT) + '\n' + input.pathAndQuery() + '\n' + input.timestamp()
                + '\n' + input.nonce() + '\n' + Codecs.hex(Sha256.of(input.body()));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String encode(byte[] mac) {
        return Codecs.hex(mac);
    }

    @Override
    public byte[] decode(String signature) {
        return Codecs.unhex(signature);
    }
}
