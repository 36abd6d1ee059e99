package io.cambist.api.strategy;

import java.util.Locale;

/** What an external signal asks for. */
public enum SignalAction {
    /** Open or add to a long position. */
    BUY,
    /** Reduce the position. */
    SELL,
    /** Close the whole position and cancel open orders. */
    CLOSE;

    /**
     * Parses {@code buy}, {@code sell} or {@code close}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the valid actions
     */
    public static SignalAction parse(String text) {
        if (text != null) {
            for (SignalAction a : values()) {
                if (a.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException("action '" + text + "' is not one of buy, sell, close");
    }
}
