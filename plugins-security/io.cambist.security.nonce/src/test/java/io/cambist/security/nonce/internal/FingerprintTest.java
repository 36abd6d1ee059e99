package io.cambist.security.nonce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    /**
     * MurmurHash3 x64/128 reference values (the public domain C++ MurmurHash3_x64_128, as checked in Guava's
     * Murmur3Hash128Test.testKnownValues): seed, h1, h2, input. Every tail length is covered.
     */
    private static final Object[][] KNOWN = {
        {0, 0x629942693e10f867L, 0x92db0b82baeb5347L, "hell"},
        {1, 0xa78ddff5adae8d10L, 0x128900ef20900135L, "hello"},
        {2, 0x8a486b23f422e826L, 0xf962a2c58947765fL, "hello "},
        {3, 0x2ea59f466f6bed8cL, 0xc610990acc428a17L, "hello w"},
        {4, 0x79f6305a386c572cL, 0x46305aed3483b94eL, "hello wo"},
        {5, 0xc2219d213ec1f1b5L, 0xa1d8e2e0a52785bdL, "hello wor"},
        {0, 0xe34bbc7bbc071b6cL, 0x7a433ca9c49a9347L, "The quick brown fox jumps over the lazy dog"},
        {0, 0x658ca970ff85269aL, 0x43fee3eaa68e5c3eL, "The quick brown fox jumps over the lazy cog"},
    };

    @Test
    void isMurmurHash3x64With128Bits() {
        for (Object[] k : KNOWN) {
            long seed = (int) k[0];
            Fingerprint f = Fingerprint.murmur(seed, seed, ((String) k[3]).getBytes(StandardCharsets.UTF_8));
            assertThat(f).as((String) k[3]).isEqualTo(new Fingerprint((long) k[1], (long) k[2]));
        }
    }

    @Test
    void keyAndNonceAreNotSimplyConcatenated() {
        Fingerprint.Maker maker = new Fingerprint.Maker(11, 22);
        assertThat(maker.of("ab", "c")).isNotEqualTo(maker.of("a", "bc"));
        assertThat(maker.of("a", "bc")).isEqualTo(maker.of("a", "bc"));
        // non-Latin text is hashed as UTF-8, not folded to '?'
        assertThat(maker.of("k", "\u00e9t\u00e9")).isNotEqualTo(maker.of("k", "\u00e8t\u00e8"));
        // the store's seeds matter
        assertThat(new Fingerprint.Maker(1, 2).of("k", "n")).isNotEqualTo(new Fingerprint.Maker(1, 3).of("k", "n"));
    }
}
