package io.cambist.security.hmac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CodecsTest {

    @Test
    void hexMatchesTheJdkForEveryByteValueAndRoundTrips() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertThat(Codecs.hex(all)).isEqualTo(HexFormat.of().formatHex(all));
        Random random = new Random(3);
        for (int n = 0; n < 70; n++) {
            byte[] b = new byte[n];
            random.nextBytes(b);
            assertThat(Codecs.unhex(Codecs.hex(b))).isEqualTo(b);
            assertThat(Codecs.unhex(Codecs.hex(b).toUpperCase(java.util.Locale.ROOT))).isEqualTo(b);
        }
        assertThat(Codecs.unhex("abc")).isNull();
        assertThat(Codecs.unhex("zz")).isNull();
        assertThat(Codecs.unbase64("not base64!")).isNull();
    }
}
