package io.cambist.api.security;

/** How a stored secret's text becomes the bytes of a MAC key. */
public enum KeyEncoding {
    /** The UTF-8 bytes of the secret (Binance, Cambist). */
    UTF8,
    /** The secret is base64; the key is the decoded bytes (Kraken, Coinbase). */
    BASE64,
    /** The secret is hex; the key is the decoded bytes (RFC 4231 test vectors). */
    HEX
}
