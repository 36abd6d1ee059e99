package io.cambist.connector;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The checks every connector's settings make, each refusing a bad value with an {@link IllegalArgumentException} that
 * names the configuration key and says what to write instead (activation fails with that message).
 */
public final class SettingsChecks {

    private static final String ID = "[A-Za-z0-9_.-]{1,64}";

    private SettingsChecks() {
    }

    /**
     * An account id: 1 to 64 letters, digits, '_', '-' or '.'.
     *
     * @param venue the venue's display name for the message, e.g. {@code Binance}
     */
    public static String account(String venue, String account) {
        if (account == null || !account.matches(ID)) {
            throw new IllegalArgumentException(venue + " account id '" + account
                    + "' must be 1 to 64 letters, digits, '_', '-' or '.' (set account)");
        }
        return account;
    }

    /** A vault key alias, trimmed; empty (market data only) when absent. */
    public static String keyAlias(String keyAlias, String account) {
        String alias = keyAlias == null ? "" : keyAlias.trim();
        if (!alias.isEmpty() && !alias.matches(ID)) {
            throw new IllegalArgumentException("keyAlias '" + alias + "' of account " + account
                    + " is not a vault alias (1 to 64 letters, digits, '_', '-' or '.')");
        }
        return alias;
    }

    /** Parses a configured URL; an empty one is refused with a hint. */
    public static URI uri(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " is empty: give the venue's base URL");
        }
        try {
            return URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " '" + text + "' is not a URL", e);
        }
    }

    /** An absolute URL with a host and one of the schemes; a trailing slash is dropped. */
    public static URI url(String name, URI url, Set<String> schemes) {
        if (url == null || url.getScheme() == null || !schemes.contains(url.getScheme().toLowerCase(Locale.ROOT))
                || url.getHost() == null) {
            throw new IllegalArgumentException(name + " '" + url + "' must be an absolute "
                    + String.join(" or ", schemes.stream().sorted().toList()) + " URL with a host");
        }
        String s = url.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : url;
    }

    /** A duration above zero. */
    public static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive number of milliseconds");
        }
    }

    /** The {@code reconnect.*} keys of a {@link Backoff}: positive delays, max not below initial, sane factor and jitter. */
    public static void reconnect(Duration initial, Duration max, double factor, double jitter) {
        positive("reconnect.initialMillis", initial);
        positive("reconnect.maxMillis", max);
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("reconnect.maxMillis " + max.toMillis()
                    + " must not be below reconnect.initialMillis " + initial.toMillis());
        }
        if (!(factor >= 1.0 && factor <= 10.0)) {
            throw new IllegalArgumentException("reconnect.factor " + factor + " must be between 1 and 10");
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("reconnect.jitter " + jitter + " must be between 0 and 1");
        }
    }
}
