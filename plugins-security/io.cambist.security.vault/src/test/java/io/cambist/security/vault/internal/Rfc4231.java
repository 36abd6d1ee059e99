package io.cambist.security.vault.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The HMAC-SHA-256 and HMAC-SHA-512 test vectors of RFC 4231 section 4 (test cases 1 to 7),
 * https://www.rfc-editor.org/rfc/rfc4231#section-4 (case 5 is truncated to 128 bits by the RFC).
 */
public final class Rfc4231 {

    /** One test case: hex key, data, expected hex MACs (case 5: the first 16 bytes). */
    public record Case(int number, String keyHex, byte[] data, String sha256, String sha512) {
        public boolean truncated() {
            return number == 5;
        }
    }

    public static final List<Case> CASES = List.of(
            new Case(1, repeat("0b", 20), ascii("Hi There"),
                    "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                    "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                            + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"),
            new Case(2, "4a656665", ascii("what do ya want for nothing?"),
                    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                    "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                            + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"),
            new Case(3, repeat("aa", 20), bytes(0xdd, 50),
                    "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
                    "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39"
                            + "bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb"),
            new Case(4, "0102030405060708090a0b0c0d0e0f10111213141516171819", bytes(0xcd, 50),
                    "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
                    "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db"
                            + "a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd"),
            new Case(5, repeat("0c", 20), ascii("Test With Truncation"),
                    "a3b6167473100ee06e0c796c2955552b", "415fad6271580a531d4179bc891d87a6"),
            new Case(6, repeat("aa", 131), ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
                    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                    "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
                            + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"),
            new Case(7, repeat("aa", 131), ascii("This is a test using a larger than block-size key and a larger than "
                    + "block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
                    "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
                    "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944"
                            + "b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58"));

    private Rfc4231() {
    }

    private static String repeat(String hex, int times) {
        return hex.repeat(times);
    }

    private static byte[] bytes(int value, int count) {
        byte[] b = new byte[count];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
