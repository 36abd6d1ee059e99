package io.cambist.security.hmac.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The text forms venues expect for a MAC: lowercase hex or padded standard base64. */
final class Codecs {

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** The two hex digits of every byte value, as a little-endian pair: one load and one store per byte. */
    private static final short[] PAIRS = new short[256];
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int i = 0; i < 256; i++) {
            PAIRS[i] = (short) ((DIGITS[i >>> 4] & 0xff) | (DIGITS[i & 0xf] << 8));
        }
    }

    private Codecs() {
    }

    static String hex(byte[] bytes) {
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            SHORTS.set(out, 2 * i, PAIRS[bytes[i] & 0xff]);
        }
        // Latin-1 bytes become a compact String with one copy
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** Hex in either case to bytes, or null when malformed. */
    static byte[] unhex(String text) {
        if (text == null || text.length() % 2 != 0) {
            return null;
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(text.charAt(2 * i), 16);
            int lo = Character.digit(text.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Standard base64 to bytes, or null when malformed. */
    static byte[] unbase64(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
