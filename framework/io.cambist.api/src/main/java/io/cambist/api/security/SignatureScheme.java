package io.cambist.api.security;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How one venue (or Cambist itself) turns a request into the bytes to MAC and the MAC into header text. Registered as
 * a service with the property {@value #SCHEME} = {@link #name()}; any bundle may add one. A scheme never sees a key:
 * the vault computes the MAC.
 */
@ConsumerType
public interface SignatureScheme {

    /** Service property naming the scheme. */
    String SCHEME = "scheme";

    /** The scheme's name, e.g. {@code binance}. */
    String name();

    /** The {@code javax.crypto.Mac} algorithm, e.g. {@code HmacSHA256}. */
    String algorithm();

    /** How the stored secret becomes key bytes. */
    KeyEncoding keyEncoding();

    /** The exact bytes to MAC. */
    byte[] message(SignatureInput input);

    /** The MAC as the venue expects to read it (lowercase hex, base64, ...). */
    String encode(byte[] mac);

    /** The MAC from its text form, for verification. Returns {@code null} when the text is malformed. */
    byte[] decode(String signature);
}
