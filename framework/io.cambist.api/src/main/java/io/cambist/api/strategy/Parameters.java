package io.cambist.api.strategy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A strategy instance's parameters as text, with typed accessors whose errors name the parameter and what it should
 * look like. The same names are used in configurations and in {@code cambist backtest --set key=value}.
 *
 * @param values parameter name to value
 */
public record Parameters(Map<String, String> values) {

    public Parameters {
        values = Map.copyOf(new TreeMap<>(values));
    }

    /** No parameters. */
    public static Parameters of(Map<String, String> values) {
        return new Parameters(values);
    }

    /** True when the parameter is set and not blank. */
    public boolean has(String name) {
        String v = values.get(name);
        return v != null && !v.isBlank();
    }

    /** A required text parameter. */
    public String string(String name) {
        if (!has(name)) {
            throw new IllegalArgumentException("parameter '" + name + "' is required");
        }
        return values.get(name).trim();
    }

    /** A text parameter or its default. */
    public String string(String name, String defaultValue) {
        return has(name) ? values.get(name).trim() : defaultValue;
    }

    /** A required decimal parameter. */
    public BigDecimal decimal(String name) {
        return parseDecimal(name, string(name));
    }

    /** A decimal parameter or its default (which may be {@code null}). */
    public BigDecimal decimal(String name, BigDecimal defaultValue) {
        return has(name) ? parseDecimal(name, values.get(name).trim()) : defaultValue;
    }

    /** An integer parameter or its default. */
    public int integer(String name, int defaultValue) {
        if (!has(name)) {
            return defaultValue;
        }
        String v = values.get(name).trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a whole number, not '" + v + "'");
        }
    }

    /** A boolean parameter ({@code true}/{@code false}) or its default. */
    public boolean bool(String name, boolean defaultValue) {
        if (!has(name)) {
            return defaultValue;
        }
        String v = values.get(name).trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("parameter '" + name + "' must be true or false, not '" + v + "'");
    }

    /** An ISO-8601 duration parameter ({@code PT1H}, {@code P1D}) or its default. */
    public Duration duration(String name, Duration defaultValue) {
        if (!has(name)) {
            return defaultValue;
        }
        String v = values.get(name).trim();
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parameter '" + name + "' must be an ISO-8601 duration such as PT1H or P1D, not '"
                    + v + "'");
        }
    }

    /** An enum parameter, matched case-insensitively, or its default. */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type, E defaultValue) {
        if (!has(name)) {
            return defaultValue;
        }
        String v = values.get(name).trim();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            valid.append(valid.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("parameter '" + name + "' must be one of " + valid + ", not '" + v + "'");
    }

    /** A copy with one parameter set. */
    public Parameters with(String name, String value) {
        Map<String, String> m = new TreeMap<>(values);
        m.put(name, value);
        return new Parameters(m);
    }

    private static BigDecimal parseDecimal(String name, String v) {
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a number, not '" + v + "'");
        }
    }
}
