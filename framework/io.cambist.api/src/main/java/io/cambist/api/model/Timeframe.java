package io.cambist.api.model;

import java.util.Optional;

/** The width of a candle, with the labels venues use ({@code 1m}, {@code 5m}, {@code 1h}, ...). */
public enum Timeframe {
    S1("1s", 1_000L),
    M1("1m", 60_000L),
    M3("3m", 180_000L),
    M5("5m", 300_000L),
    M15("15m", 900_000L),
    M30("30m", 1_800_000L),
    H1("1h", 3_600_000L),
    H2("2h", 7_200_000L),
    H4("4h", 14_400_000L),
    H6("6h", 21_600_000L),
    H8("8h", 28_800_000L),
    H12("12h", 43_200_000L),
    D1("1d", 86_400_000L),
    D3("3d", 259_200_000L),
    W1("1w", 604_800_000L);

    private final String label;
    private final long millis;

    Timeframe(String label, long millis) {
        this.label = label;
        this.millis = millis;
    }

    /** The venue label, e.g. {@code 5m}. */
    public String label() {
        return label;
    }

    /** The width in milliseconds. */
    public long millis() {
        return millis;
    }

    /**
     * Parses a label such as {@code 5m} or {@code 1h}.
     *
     * @throws IllegalArgumentException listing the valid labels
     */
    public static Timeframe parse(String label) {
        for (Timeframe t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (Timeframe t : values()) {
            valid.append(valid.length() == 0 ? "" : ", ").append(t.label);
        }
        throw new IllegalArgumentException("timeframe '" + label + "' is not one of " + valid);
    }

    /** The timeframe of exactly this width, if there is one. */
    public static Optional<Timeframe> ofMillis(long millis) {
        for (Timeframe t : values()) {
            if (t.millis == millis) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return label;
    }
}
