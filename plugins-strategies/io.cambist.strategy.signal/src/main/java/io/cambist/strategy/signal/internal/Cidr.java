package io.cambist.strategy.signal.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * One entry of a source address allow-list: an IPv4 or IPv6 network in CIDR form ({@code 52.89.214.238/32},
 * {@code 10.0.0.0/8}, {@code 2001:db8::/32}) or a single address. Only literal addresses are accepted, never host
 * names (no DNS lookup, ever).
 *
 * @param network the network's address bytes
 * @param prefix  the number of leading bits that must match
 * @param text    the entry as written
 */
record Cidr(byte[] network, int prefix, String text) {

    /**
     * Parses an entry.
     *
     * @throws IllegalArgumentException naming the entry and the expected form
     */
    static Cidr parse(String entry) {
        String t = entry.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("allowFrom entry '" + entry + "' is not an IP address or network such as "
                    + "203.0.113.7, 10.0.0.0/8 or 2001:db8::/32");
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("allowFrom entry '" + entry + "' has a prefix length outside 0 to "
                        + bytes.length * 8);
            }
        }
        return new Cidr(bytes, prefix, t);
    }

    /** True when {@code address} (a literal IP address) lies in this network. */
    boolean matches(String address) {
        byte[] a = address == null ? null : literal(address);
        if (a == null) {
            return false;
        }
        byte[] n = network;
        if (a.length != n.length) {
            // an IPv4 client seen through an IPv6 socket (::ffff:a.b.c.d) matches an IPv4 entry
            if (a.length == 16 && n.length == 4 && mapped(a)) {
                byte[] v4 = new byte[4];
                System.arraycopy(a, 12, v4, 0, 4);
                a = v4;
            } else {
                return false;
            }
        }
        int bits = prefix;
        for (int i = 0; i < n.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((a[i] & mask) != (n[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    }

    /** The bytes of a literal IPv4 or IPv6 address, or {@code null} for anything else (never a DNS lookup). */
    static byte[] literal(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        if (t.isEmpty() || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return null;
        }
        if (t.indexOf(':') < 0) {
            // IPv4: checked here in full, because InetAddress would look up anything that is not a valid literal
            if (!t.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                return null;
            }
            byte[] b = new byte[4];
            String[] parts = t.split("\\.");
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                b[i] = (byte) v;
            }
            return b;
        }
        try {
            // only literals reach this point, so InetAddress does no lookup
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
