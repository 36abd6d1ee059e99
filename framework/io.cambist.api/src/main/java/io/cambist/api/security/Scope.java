package io.cambist.api.security;

import java.util.Locale;

/** What a key may be used for. */
public enum Scope {
    /** Read-only admin API calls ({@code GET}). */
    READ,
    /** Trading: signing venue requests that place or cancel orders. */
    TRADE,
    /** Changes through the admin API. */
    ADMIN,
    /** Signing webhook signals. */
    WEBHOOK;

    /** The lower-case name used in files and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code read}, {@code trade}, {@code admin} or {@code webhook}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the valid scopes
     */
    public static Scope parse(String text) {
        if (text != null) {
            for (Scope s : values()) {
                if (s.name().equalsIgnoreCase(text.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("scope '" + text + "' is not one of read, trade, admin, webhook");
    }
}
