package io.cambist.api.model;

import java.util.Locale;

/**
 * Something that can be traded on a venue. Spot currency pairs are the only kind so far; the interface is sealed so
 * that adding derivatives later is a deliberate, versioned change.
 */
public sealed interface Instrument permits CurrencyPair {

    /** The asset being bought or sold, e.g. {@code BTC} in {@code BTC/USDT}. */
    String base();

    /** The asset prices are quoted in (XChange calls it the counter currency), e.g. {@code USDT} in {@code BTC/USDT}. */
    String quote();

    /** The canonical text form {@code BASE/QUOTE}. */
    default String symbol() {
        return base() + "/" + quote();
    }

    /** A spot pair. */
    static Instrument of(String base, String quote) {
        return new CurrencyPair(base, quote);
    }

    /**
     * Parses {@code BASE/QUOTE} (case-insensitive; {@code BASE-QUOTE} and {@code BASE_QUOTE} are accepted too).
     *
     * @throws IllegalArgumentException naming the expected form when the text is not an instrument
     */
    static Instrument parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("instrument is missing: write it as BASE/QUOTE, e.g. BTC/USDT");
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        int sep = -1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '/' || c == '-' || c == '_') {
                if (sep >= 0) {
                    sep = -2;
                    break;
                }
                sep = i;
            }
        }
        if (sep <= 0 || sep == t.length() - 1) {
            throw new IllegalArgumentException("instrument '" + text + "' is not of the form BASE/QUOTE, e.g. BTC/USDT");
        }
        return new CurrencyPair(t.substring(0, sep), t.substring(sep + 1));
    }
}
